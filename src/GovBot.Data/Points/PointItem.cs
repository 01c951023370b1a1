namespace GovBot.Data.Points;

/// <summary>One of the counted things of a county's 红色账户 (双报到, 志愿服务, 微心愿 …), kept as data so a county can rename or add.</summary>
public class PointItem
{
    public int Id { get; set; }
    /// <summary>Stable key code refers to, e.g. "check-in".</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }
    public PointDimension Dimension { get; set; }
    public int SortOrder { get; set; }
}
