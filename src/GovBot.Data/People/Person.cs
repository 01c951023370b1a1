using GovBot.Data.Places;

namespace GovBot.Data.People;

[Flags]
public enum Roles
{
    None = 0,
    Resident = 1,
    PartyMember = 2,
    Volunteer = 4,
    GridWorker = 8,
    MicroGridLead = 16,
    PartyCenterHousehold = 32,
    Staff = 64,
    Secretary = 128,
    CountyAdmin = 256,
}

public enum PartyMemberKind
{
    InService = 1,
    Retired = 2,
    Mobile = 3,
}

/// <summary>Anyone the bot talks to, known by their WeCom user id.</summary>
public class Person
{
    public int Id { get; set; }
    public required string WeComUserId { get; set; }
    public required string Name { get; set; }
    public string? Phone { get; set; }
    public Roles Roles { get; set; } = Roles.Resident;
    public PartyMemberKind? PartyMemberKind { get; set; }
    public int? CommunityId { get; set; }
    public Community? Community { get; set; }
    public int? CompoundId { get; set; }
    public Compound? Compound { get; set; }
    public int? BuildingId { get; set; }
    public Building? Building { get; set; }
    public string? Unit { get; set; }
    public string? Room { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Set once the person told the bot where they live (or staff did).</summary>
    public DateTimeOffset? OnboardedAt { get; set; }
    /// <summary>
    /// Set when the person left the county's staff (gone from WeCom's address book): staff roles are taken away and
    /// open work handed to the community secretary; the row stays so that history keeps its names.
    /// </summary>
    public DateTimeOffset? LeftAt { get; set; }

    public bool Has(Roles role) => (Roles & role) == role;
}
