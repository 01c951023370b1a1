namespace GovBot.Data.Places;

public class County
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public List<Town> Towns { get; set; } = [];
}

public class Town
{
    public int Id { get; set; }
    public int CountyId { get; set; }
    public County? County { get; set; }
    public required string Name { get; set; }
    public List<Community> Communities { get; set; } = [];
}
