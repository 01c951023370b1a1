using GovBot.Data.Reports;

namespace GovBot.Skills.Reports;

/// <summary>The time limit a report is held to now: <see cref="Verb"/> (受理 or 办结) within <see cref="Limit"/> of <see cref="Since"/>.</summary>
public sealed record ReportDue(string Verb, DateTimeOffset Since, TimeSpan Limit)
{
    public DateTimeOffset At => Since + Limit;

    /// <summary>Time left before the limit; negative once overdue.</summary>
    public TimeSpan LeftAt(DateTimeOffset now) => At - now;

    /// <summary>"受理还剩1小时20分钟" or "受理已超时30分钟", for a worker's list.</summary>
    public string Describe(DateTimeOffset now) => LeftAt(now) is var left && left >= TimeSpan.Zero
        ? $"{Verb}还剩{ReportWording.Duration(left)}"
        : $"{Verb}已超时{ReportWording.Duration(-left)}";
}

/// <summary>
/// The category's limits as the deadline sweep keeps them, in one place, so that what a worker's 待办 says is left
/// is what the sweep will escalate on: a report waiting to be accepted is held to AcceptWithin from its filing or
/// its latest handover (the new holder gets a fresh limit); an accepted or deliberating one to HandleWithin from its
/// acceptance; a closed one to nothing.
/// </summary>
public static class ReportClock
{
    public const string Accept = "受理", Handle = "办结";

    /// <param name="report">With its category loaded.</param>
    /// <param name="lastHandover">When it was last handed over, or null (see <see cref="ReportService.LastHandoversAsync"/>).</param>
    public static ReportDue? Due(Report report, DateTimeOffset? lastHandover)
    {
        var category = report.Category ?? throw new InvalidOperationException($"Report {report.Ticket} was read without its category.");
        return report.Status switch
        {
            ReportStatus.Reported => new ReportDue(Accept, lastHandover is { } h && h > report.CreatedAt ? h : report.CreatedAt, category.AcceptWithin),
            ReportStatus.Accepted or ReportStatus.Deliberating when report.AcceptedAt is { } accepted => new ReportDue(Handle, accepted, category.HandleWithin),
            _ => null,
        };
    }
}
