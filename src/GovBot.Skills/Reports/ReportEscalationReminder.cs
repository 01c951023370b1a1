using GovBot.Skills.Reminders;

namespace GovBot.Skills.Reports;

/// <summary>Overdue acceptance or handling goes to the community secretary: the deadline sweep, run by the scheduler.</summary>
public sealed class ReportEscalationReminder(ReportDeadlines deadlines) : IReminder
{
    public const string Kind = "report-escalation";

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var sweep = await deadlines.SweepAsync(ct);
        return sweep.AcceptEscalations + sweep.HandleEscalations + sweep.RatedAutomatically;
    }
}
