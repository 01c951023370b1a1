using GovBot.Data.People;
using GovBot.Data.Places;

namespace GovBot.Data.Wishes;

/// <summary>微心愿: a small wish of a resident, fulfilled by a party member who claims it.</summary>
public class Wish
{
    public int Id { get; set; }
    public int ResidentId { get; set; }
    public Person? Resident { get; set; }
    public required string Description { get; set; }
    public int CommunityId { get; set; }
    public Community? Community { get; set; }
    public int? CompoundId { get; set; }
    public Compound? Compound { get; set; }
    public WishStatus Status { get; set; }
    public string? ReturnReason { get; set; }
    public DateTimeOffset PostedAt { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
    public int? ReviewedById { get; set; }
    public Person? ReviewedBy { get; set; }
    /// <summary>One claimer at a time; set by a conditional update so two members tapping at once cannot both win.</summary>
    public int? ClaimerId { get; set; }
    public Person? Claimer { get; set; }
    public DateTimeOffset? ClaimedAt { get; set; }
    public DateTimeOffset? FulfilledAt { get; set; }
    public DateTimeOffset? ConfirmedAt { get; set; }
    /// <summary>How often a claim went stale and was released; kept for staff to see.</summary>
    public int Releases { get; set; }
}
