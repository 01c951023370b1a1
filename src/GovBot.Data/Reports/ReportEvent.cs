using GovBot.Data.People;

namespace GovBot.Data.Reports;

/// <summary>One step of a report's life: who moved it from what to what, when, and why.</summary>
public class ReportEvent
{
    public long Id { get; set; }
    public int ReportId { get; set; }
    public Report? Report { get; set; }
    public ReportStatus? From { get; set; }
    public ReportStatus To { get; set; }
    public int? ActorId { get; set; }
    public Person? Actor { get; set; }
    /// <summary>What happened, as residents read it: "转交给物业", "加入跟进".</summary>
    public required string Action { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset At { get; set; }
}
