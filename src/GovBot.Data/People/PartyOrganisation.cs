using GovBot.Data.Places;

namespace GovBot.Data.People;

public enum PartyOrganisationKind
{
    /// <summary>社区党委.</summary>
    CommunityCommittee = 1,
    /// <summary>小区党支部.</summary>
    CompoundBranch = 2,
    /// <summary>网格党小组.</summary>
    GridGroup = 3,
}

/// <summary>The ladder 社区党委 → 小区党支部 → 网格党小组.</summary>
public class PartyOrganisation
{
    public int Id { get; set; }
    public PartyOrganisationKind Kind { get; set; }
    public required string Name { get; set; }
    public int CommunityId { get; set; }
    public Community? Community { get; set; }
    public int? CompoundId { get; set; }
    public Compound? Compound { get; set; }
    public int? GridId { get; set; }
    public Grid? Grid { get; set; }
    public int? ParentId { get; set; }
    public PartyOrganisation? Parent { get; set; }
    public int? SecretaryPersonId { get; set; }
    public Person? Secretary { get; set; }
}
