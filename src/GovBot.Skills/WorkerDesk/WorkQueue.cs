using GovBot.Data;
using GovBot.Data.People;
using GovBot.Data.Reports;
using GovBot.Skills.Reports;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Skills.WorkerDesk;

/// <summary>A report on someone's 待办, with the limit it is held to now (null for none).</summary>
public sealed record WorkItem(Report Report, ReportDue? Due);

/// <summary>
/// 我的待办: the open reports assigned to the person, and those nobody has accepted yet whose card went to them — a
/// grid worker's for their grids (and for a compound of several grids with no building named), staff's for reports
/// handed to the community or with no grid worker to take them. Oldest first. Nobody gets a report of another
/// grid or community.
/// </summary>
public sealed class WorkQueue(GovBotDb db, ReportService reports, ReportRouting routing)
{
    public async Task<IReadOnlyList<WorkItem>> ForAsync(Person person, CancellationToken ct)
    {
        var me = person.Id;
        var staffOf = (person.Roles & (Roles.Staff | Roles.Secretary)) != 0 ? person.CommunityId : null;
        List<int> grids = person.Has(Roles.GridWorker)
            ? await db.GridWorkers.AsNoTracking().Where(w => w.PersonId == me).Select(w => w.GridId).ToListAsync(ct)
            : [];
        // Waiting reports are read from the communities the person works in, then kept only where their card went.
        var communities = await db.Grids.AsNoTracking().Where(g => grids.Contains(g.Id)).Select(g => g.CommunityId).Distinct().ToListAsync(ct);
        if (staffOf is { } own) communities.Add(own);

        var rows = await db.Reports.AsNoTracking()
            .Where(r => (r.AssigneeId == me && (r.Status == ReportStatus.Accepted || r.Status == ReportStatus.Deliberating))
                || (r.Status == ReportStatus.Reported && r.AssigneeId == null && communities.Contains(r.CommunityId)))
            .Include(r => r.Category).Include(r => r.Compound).Include(r => r.Building).Include(r => r.Community)
            .OrderBy(r => r.CreatedAt).ThenBy(r => r.Id)
            .ToListAsync(ct);

        var mine = new List<Report>();
        foreach (var r in rows)
            if (r.AssigneeId == me || await WaitsForAsync(r, me, staffOf, grids, ct)) mine.Add(r);

        var handovers = await reports.LastHandoversAsync([.. mine.Where(r => r.Status == ReportStatus.Reported).Select(r => r.Id)], ct);
        return [.. mine.Select(r => new WorkItem(r, ReportClock.Due(r, handovers.TryGetValue(r.Id, out var h) ? h : null)))];
    }

    /// <summary>Whether the card of this unaccepted report went to the person, as <see cref="ReportService"/> routes it.</summary>
    private async Task<bool> WaitsForAsync(Report r, int me, int? staffOf, List<int> grids, CancellationToken ct)
    {
        var isStaff = staffOf == r.CommunityId;
        if (r.HandedTo == HandoverTarget.Community) return isStaff;
        if (r.GridId is { } grid)
        {
            // A grid without workers leaves its reports to the community's staff.
            var workers = await routing.GridWorkersAsync(grid, ct);
            return workers.Count > 0 ? grids.Contains(grid) : isStaff;
        }
        var route = await routing.RouteAsync(r.CommunityId, r.CompoundId, r.BuildingId, ct);
        return route.Workers.Any(w => w.Id == me);
    }
}
