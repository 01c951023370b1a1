using System.Text;
using GovBot.Data;
using GovBot.Data.Reports;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Skills.Reports;

/// <summary>One grid worker's 日巡查 list: the reports still open in their grids.</summary>
public sealed record PatrolList(int PersonId, string WeComUserId, IReadOnlyList<Report> Reports);

/// <summary>
/// 日巡查: what a grid worker's morning round should look at — the reports still open in their grids, by place.
/// The 08:00 push and the chat's 今日巡查 both read it here, so they never disagree.
/// </summary>
public sealed class GridPatrol(GovBotDb db)
{
    private const int MaxListed = 20;

    /// <summary>Every grid worker whose grids have open reports, with those reports; workers with none are left out.</summary>
    public async Task<IReadOnlyList<PatrolList>> AllAsync(CancellationToken ct)
    {
        var open = await OpenIn(null).ToListAsync(ct);
        if (open.Count == 0) return [];
        var grids = open.Select(r => r.GridId!.Value).Distinct().ToList();
        var workers = await db.GridWorkers.AsNoTracking()
            .Where(w => grids.Contains(w.GridId))
            .Select(w => new { w.GridId, w.PersonId, w.Person!.WeComUserId })
            .ToListAsync(ct);
        return workers.GroupBy(w => (w.PersonId, w.WeComUserId)).OrderBy(g => g.Key.PersonId)
            .Select(g =>
            {
                var theirs = g.Select(w => w.GridId).ToHashSet();
                return new PatrolList(g.Key.PersonId, g.Key.WeComUserId, ByPlace(open.Where(r => theirs.Contains(r.GridId!.Value))));
            })
            .ToList();
    }

    /// <summary>The open reports of the grids this person works, by place; empty for someone with no grid.</summary>
    public async Task<IReadOnlyList<Report>> OfWorkerAsync(int personId, CancellationToken ct)
    {
        var grids = await db.GridWorkers.AsNoTracking().Where(w => w.PersonId == personId).Select(w => w.GridId).ToListAsync(ct);
        return grids.Count == 0 ? [] : ByPlace(await OpenIn(grids).ToListAsync(ct));
    }

    /// <summary>The list as the morning push says it: a line per place, the reports there under it.</summary>
    public static string Text(DateOnly today, IReadOnlyList<Report> reports)
    {
        var text = new StringBuilder($"【日巡查】{today.Month}月{today.Day}日，您的网格还有{reports.Count}件事没办完：");
        string? place = null;
        foreach (var r in reports.Take(MaxListed))
        {
            if (PlaceOf(r) is var here && here != place) text.Append('\n').Append(place = here).Append('：');
            text.Append("\n· ").Append(r.Ticket).Append(' ').Append(r.Category!.Name);
            if (r.PlaceNote is { Length: > 0 } note) text.Append(' ').Append(note);
            text.Append('（').Append(ReportWording.Status(r.Status)).Append('）');
        }
        if (reports.Count > MaxListed) text.Append($"\n……还有{reports.Count - MaxListed}件");
        return text.Append("\n巡查时顺路看看。").ToString();
    }

    /// <summary>Where a round walks to: the compound and building, else the location sent, else the community.</summary>
    private static string PlaceOf(Report r) =>
        ReportWording.Place(r.Compound?.Name, r.Building?.Name, null, r.LocationLabel) ?? r.Community?.Name ?? "";

    private static List<Report> ByPlace(IEnumerable<Report> reports) =>
        [.. reports.OrderBy(r => r.CompoundId ?? int.MaxValue).ThenBy(r => r.Building?.Number ?? int.MaxValue)
            .ThenBy(r => r.LocationLabel).ThenBy(r => r.Id)];

    /// <summary>Open reports of these grids, or of every grid when null, with what the list shows.</summary>
    private IQueryable<Report> OpenIn(List<int>? grids)
    {
        var open = db.Reports.AsNoTracking().Where(r => r.GridId != null
            && (r.Status == ReportStatus.Reported || r.Status == ReportStatus.Accepted || r.Status == ReportStatus.Deliberating));
        if (grids is not null) open = open.Where(r => grids.Contains(r.GridId!.Value));
        return open.Include(r => r.Category).Include(r => r.Compound).Include(r => r.Building).Include(r => r.Community);
    }
}
