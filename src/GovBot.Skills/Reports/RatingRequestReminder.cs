using GovBot.Data;
using GovBot.Data.Reports;
using GovBot.Skills.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovBot.Skills.Reports;

/// <summary>
/// The day after a report is handled, a gentle word to its reporter if they have not rated it yet; once
/// per report. Reports past the rating period are left to the deadline sweep, which accepts them unrated.
/// </summary>
public sealed class RatingRequestReminder(
    GovBotDb db, ReminderPusher pusher, TimeProvider time, IOptions<ReminderOptions> options, IOptions<ReportOptions> reportOptions) : IReminder
{
    public const string Kind = "rating";

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var askedAfter = now - options.Value.RatingRequestAfter;
        var tooLate = now - reportOptions.Value.RatingPeriod;
        var due = await db.Reports.AsNoTracking()
            .Where(r => r.Status == ReportStatus.Handled && r.ReporterId != null && r.HandledAt != null
                && r.HandledAt <= askedAfter && r.HandledAt > tooLate)
            .OrderBy(r => r.Id)
            .Select(r => new { r.Id, r.Ticket, Category = r.Category!.Name, r.Reporter!.WeComUserId })
            .ToListAsync(ct);

        var pushed = 0;
        foreach (var r in due)
        {
            var text = $"您反映的问题（{r.Ticket} {r.Category}）已经办好了，您看办得怎么样？在办结通知里点个星评价一下，我们好改进。";
            if (await pusher.PushAsync(Kind, $"reminder:{Kind}:{r.Id}", text, [r.WeComUserId], ct)) pushed++;
        }
        return pushed;
    }
}
