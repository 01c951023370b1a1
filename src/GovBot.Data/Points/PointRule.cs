namespace GovBot.Data.Points;

/// <summary>
/// How an event of one source kind ("check-in", "report-rated", "micro-wish", "volunteer-hours") turns into points:
/// <see cref="Points"/> per event, or per unit (hour) when <see cref="PerUnit"/>; at most <see cref="CapPerYear"/> a year when set.
/// </summary>
public class PointRule
{
    public int Id { get; set; }
    public required string SourceKind { get; set; }
    public int PointItemId { get; set; }
    public PointItem? Item { get; set; }
    public int Points { get; set; }
    public bool PerUnit { get; set; }
    public int? CapPerYear { get; set; }
}
