namespace GovBot.Skills.Reports;

public sealed class ReportOptions
{
    /// <summary>A handled report the resident did not rate within this time counts as accepted.</summary>
    public TimeSpan RatingPeriod { get; set; } = TimeSpan.FromDays(3);
    /// <summary>An open report of the same category at the same place within this time is offered to join.</summary>
    public TimeSpan DuplicateWindow { get; set; } = TimeSpan.FromHours(24);
    /// <summary>Tickets are this letter (说事) followed by a number.</summary>
    public string TicketPrefix { get; set; } = "S";
    /// <summary>
    /// How often the host looks for reports past their time limits. A minute keeps an escalation
    /// at most a minute late without loading the store; the limits themselves live in each category.
    /// </summary>
    public TimeSpan DeadlineSweepInterval { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>
    /// A location sent with a report belongs to the nearest compound with coordinates this close (metres, from the
    /// compound's point). 300 m covers a large compound from its gate and a phone's GPS error, but not the next block.
    /// </summary>
    public double LocationRadiusMeters { get; set; } = 300;
}
