using GovBot.Data;
using GovBot.Data.Reports;
using GovBot.Skills.Reports;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Skills.Reminders;

/// <summary>
/// 日巡查, 08:00: each grid worker gets the reports still open in their grids, so the morning round starts
/// with them. A worker whose grids have none gets nothing. One push per worker per local day.
/// </summary>
public sealed class PatrolReminder(GovBotDb db, ReminderPusher pusher, TimeProvider time) : IReminder
{
    public const string Kind = "patrol";
    private const int MaxListed = 20;

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var today = ChinaTime.Today(time.GetUtcNow());
        var open = await db.Reports.AsNoTracking()
            .Where(r => r.GridId != null && (r.Status == ReportStatus.Reported || r.Status == ReportStatus.Accepted || r.Status == ReportStatus.Deliberating))
            .Include(r => r.Category).Include(r => r.Compound).Include(r => r.Building)
            .OrderBy(r => r.Id)
            .ToListAsync(ct);
        if (open.Count == 0) return 0;

        var grids = open.Select(r => r.GridId!.Value).Distinct().ToList();
        var workers = await db.GridWorkers.AsNoTracking()
            .Where(w => grids.Contains(w.GridId))
            .Select(w => new { w.GridId, w.PersonId, w.Person!.WeComUserId })
            .ToListAsync(ct);

        var pushed = 0;
        foreach (var worker in workers.GroupBy(w => (w.PersonId, w.WeComUserId)).OrderBy(g => g.Key.PersonId))
        {
            var theirs = worker.Select(w => w.GridId).ToHashSet();
            var reports = open.Where(r => theirs.Contains(r.GridId!.Value)).ToList();
            var text = Text(today, reports);
            if (await pusher.PushAsync(Kind, $"reminder:{Kind}:{worker.Key.PersonId}:{today:yyyy-MM-dd}", text, [worker.Key.WeComUserId], ct))
                pushed++;
        }
        return pushed;
    }

    private static string Text(DateOnly today, List<Report> reports)
    {
        var lines = reports.Take(MaxListed)
            .Select(r => $"{r.Ticket} {r.Category!.Name}，{ReportWording.Place(r)}（{ReportWording.Status(r.Status)}）");
        var more = reports.Count > MaxListed ? $"\n……还有{reports.Count - MaxListed}件" : "";
        return $"【日巡查】{today.Month}月{today.Day}日，您的网格还有{reports.Count}件事没办完：\n{string.Join('\n', lines)}{more}\n巡查时顺路看看。";
    }
}
