using GovBot.Data.People;

namespace GovBot.Data.Points;

/// <summary>
/// One line of a member's 红色账户. Append-only: balances are sums of these, and a correction is a new
/// line (a staff deduction), never an edit. (<see cref="SourceKind"/>, <see cref="SourceId"/>) is unique,
/// so an event seen twice counts once.
/// </summary>
public class PointEntry
{
    public long Id { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }
    public int PointItemId { get; set; }
    public PointItem? Item { get; set; }
    public PointDimension Dimension { get; set; }
    /// <summary>Negative for a deduction.</summary>
    public int Points { get; set; }
    /// <summary>In the member's words: "双报到通过".</summary>
    public required string Reason { get; set; }
    public required string SourceKind { get; set; }
    public required string SourceId { get; set; }
    /// <summary>The staff member who added or deducted by hand; null for points derived from events.</summary>
    public int? OperatorId { get; set; }
    public Person? Operator { get; set; }
    /// <summary>When the event happened (not when it was counted), so late counting lands in the right year.</summary>
    public DateTimeOffset At { get; set; }
    /// <summary>The calendar year in China time; yearly totals and ranks read it, history stays.</summary>
    public int Year { get; set; }
}
