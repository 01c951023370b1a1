namespace GovBot.Data.Places;

/// <summary>社区: an urban community with its own party committee.</summary>
public class Community
{
    public int Id { get; set; }
    /// <summary>The county's own code for it (from the structure workbook); imports find rows by it, never by name.</summary>
    public string? Code { get; set; }
    /// <summary>The WeCom address-book department of this place; the directory sync maps its members here.</summary>
    public long? WeComDepartmentId { get; set; }
    public int TownId { get; set; }
    public Town? Town { get; set; }
    public required string Name { get; set; }
    public string? Address { get; set; }
    public string? Phone { get; set; }
    public List<Grid> Grids { get; set; } = [];
    public List<Compound> Compounds { get; set; } = [];
}
