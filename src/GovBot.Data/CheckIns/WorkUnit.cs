using GovBot.Data.People;
using GovBot.Data.Places;

namespace GovBot.Data.CheckIns;

/// <summary>A work unit (机关、事业单位、国有企业) whose party organisation checks in and pairs with compounds.</summary>
public class WorkUnit
{
    public int Id { get; set; }
    /// <summary>The county's own code for it (from the structure workbook); imports find rows by it, never by name.</summary>
    public string? Code { get; set; }
    public required string Name { get; set; }
    /// <summary>The unit's party organisation, e.g. "襄垣县交通运输局机关党支部".</summary>
    public required string PartyOrganisationName { get; set; }
    public string? ContactName { get; set; }
    public string? ContactPhone { get; set; }
    public int? RegisteredById { get; set; }
    public Person? RegisteredBy { get; set; }
    public DateTimeOffset RegisteredAt { get; set; }
    public List<UnitPairing> Pairings { get; set; } = [];
}

/// <summary>单位结对共建: a work unit's party organisation paired with a compound.</summary>
public class UnitPairing
{
    public int WorkUnitId { get; set; }
    public WorkUnit? WorkUnit { get; set; }
    public int CompoundId { get; set; }
    public Compound? Compound { get; set; }
    public DateTimeOffset PairedAt { get; set; }
}

/// <summary>A service party members offer when they check in (环境整治, 法律宣传, 理发 …); a county edits the list as data.</summary>
public class VolunteerServiceKind
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public int SortOrder { get; set; }
    public bool Active { get; set; } = true;
}
