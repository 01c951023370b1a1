namespace GovBot.Data.Places;

/// <summary>
/// 小区. A compound may be as large as a grid, smaller than one, or span several:
/// the link to grids runs through each building's micro-grid, never directly.
/// </summary>
public class Compound
{
    public int Id { get; set; }
    /// <summary>The county's own code for it (from the structure workbook); imports find rows by it, never by name.</summary>
    public string? Code { get; set; }
    public int CommunityId { get; set; }
    public Community? Community { get; set; }
    public required string Name { get; set; }
    /// <summary>Other names residents use, separated by '|', e.g. "清华苑|清华苑一期小区".</summary>
    public string Aliases { get; set; } = "";
    public int? PropertyManagerId { get; set; }
    public PropertyManager? PropertyManager { get; set; }
    public List<Building> Buildings { get; set; } = [];
    /// <summary>
    /// Where the compound is (its main gate, say), in GCJ-02 like WeCom's location messages and Chinese map apps, so a
    /// location a resident sends compares without conversion. Null until the workbook or staff give it.
    /// </summary>
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
}

/// <summary>楼栋 inside a compound; its micro-grid decides which grid worker handles it.</summary>
public class Building
{
    public int Id { get; set; }
    public int CompoundId { get; set; }
    public Compound? Compound { get; set; }
    /// <summary>As residents say it: "3号楼".</summary>
    public required string Name { get; set; }
    public int Number { get; set; }
    public int? MicroGridId { get; set; }
    public MicroGrid? MicroGrid { get; set; }
    /// <summary>单元 in the building, when the county's workbook says; null when unknown.</summary>
    public int? Units { get; set; }
}

/// <summary>物业: the property company serving one or more compounds.</summary>
public class PropertyManager
{
    public int Id { get; set; }
    /// <summary>The county's own code for it (from the structure workbook); imports find rows by it, never by name.</summary>
    public string? Code { get; set; }
    public required string Name { get; set; }
    public string? Phone { get; set; }
}
