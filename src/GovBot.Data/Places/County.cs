namespace GovBot.Data.Places;

public class County
{
    public int Id { get; set; }
    /// <summary>The county's own code for it (from the structure workbook); imports find rows by it, never by name.</summary>
    public string? Code { get; set; }
    public required string Name { get; set; }
    public List<Town> Towns { get; set; } = [];
}

public class Town
{
    public int Id { get; set; }
    /// <summary>The county's own code for it (from the structure workbook); imports find rows by it, never by name.</summary>
    public string? Code { get; set; }
    public int CountyId { get; set; }
    public County? County { get; set; }
    public required string Name { get; set; }
    public List<Community> Communities { get; set; } = [];
}
