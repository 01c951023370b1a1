using GovBot.Data;
using GovBot.Data.CheckIns;
using GovBot.Data.Reports;
using GovBot.Data.Services;
using GovBot.Skills.CheckIns;
using GovBot.Skills.Reports;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Host.Staff;

public sealed record OverdueReport(int Id, string Ticket, string Category, string Place, string Late);

/// <summary>The numbers on the dashboard, for one scope and date range.</summary>
public sealed record DashboardNumbers(
    int Reports,
    IReadOnlyList<(string Label, double Value)> ByStatus,
    IReadOnlyList<(string Label, double Value)> ByCategory,
    IReadOnlyList<(string Label, double Value)> ByGrid,
    TimeSpan? MedianToAccept,
    TimeSpan? MedianToHandle,
    int Rated,
    int Satisfied,
    IReadOnlyList<OverdueReport> Overdue,
    IReadOnlyList<(string Label, double Value)>? CheckInsByKind,
    IReadOnlyList<(string Label, double Value)>? CheckInsByUnit,
    IReadOnlyList<(string Label, double Value)>? BookingsByStatus,
    double? VolunteerHours,
    IReadOnlyList<(string Label, double Value)>? PointsByBranch);

/// <summary>Reads <see cref="DashboardNumbers"/> from the store; reports are counted by the day they were filed.</summary>
public sealed class DashboardQuery(GovBotDb db, TimeProvider time)
{
    public async Task<DashboardNumbers> ReadAsync(StaffScope scope, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var rows = await scope.Reports(db.Reports.AsNoTracking())
            .Where(r => r.CreatedAt >= from && r.CreatedAt < to)
            .Select(r => new
            {
                r.Status, Category = r.Category!.Name, Grid = r.Grid != null ? r.Grid.Name : null, Community = r.Community!.Name,
                r.CreatedAt, r.AcceptedAt, r.HandledAt, r.Stars,
            })
            .ToListAsync(ct);

        var byStatus = Enum.GetValues<ReportStatus>()
            .Select(s => (StaffWording.Status(s), (double)rows.Count(r => r.Status == s))).ToList();
        var byCategory = rows.GroupBy(r => r.Category).OrderByDescending(g => g.Count())
            .Select(g => (g.Key, (double)g.Count())).ToList();
        var byGrid = rows.GroupBy(r => r.Grid is null ? r.Community + "（未分网格）" : r.Grid).OrderByDescending(g => g.Count())
            .Select(g => (g.Key, (double)g.Count())).ToList();
        var toAccept = Median(rows.Where(r => r.AcceptedAt != null).Select(r => r.AcceptedAt!.Value - r.CreatedAt));
        var toHandle = Median(rows.Where(r => r.HandledAt != null && r.AcceptedAt != null).Select(r => r.HandledAt!.Value - r.AcceptedAt!.Value));
        var rated = rows.Count(r => r.Stars != null);
        var satisfied = rows.Count(r => r.Stars >= 4);

        var overdue = await OverdueAsync(scope, now, ct);
        if (!scope.SeesCommunityLists)
            return new DashboardNumbers(rows.Count, byStatus, byCategory, byGrid, toAccept, toHandle, rated, satisfied, overdue, null, null, null, null, null);

        var community = scope.CommunityId;
        var checkIns = await db.CheckIns.AsNoTracking()
            .Where(c => c.Status != CheckInStatus.Closed && (community == null || c.CommunityId == community))
            .GroupBy(c => c.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var byKind = CheckInWording.Kinds.Select(k => (k.Name, (double)(checkIns.FirstOrDefault(c => c.Key == k.Kind)?.Count ?? 0))).ToList();
        var units = await db.CheckIns.AsNoTracking()
            .Where(c => c.Status != CheckInStatus.Closed && (community == null || c.CommunityId == community))
            .GroupBy(c => c.WorkUnit != null ? c.WorkUnit.Name : c.WorkUnitName).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var byUnit = TopUnits(units.Select(u => (u.Key, u.Count)));

        var bookings = await db.Bookings.AsNoTracking()
            .Where(b => b.CreatedAt >= from && b.CreatedAt < to && (community == null || b.Slot!.Item!.Event!.CommunityId == community))
            .GroupBy(b => b.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var bookingRows = new (BookingStatus Status, string Name)[]
            { (BookingStatus.Booked, "已预约"), (BookingStatus.Waitlisted, "候补"), (BookingStatus.CheckedIn, "已核销"), (BookingStatus.NoShow, "未到"), (BookingStatus.Cancelled, "已取消") }
            .Select(s => (s.Name, (double)(bookings.FirstOrDefault(b => b.Key == s.Status)?.Count ?? 0))).ToList();

        var minutes = await db.VolunteerHours.AsNoTracking()
            .Where(h => h.Attended && h.ConfirmedAt >= from && h.ConfirmedAt < to && (community == null || h.Person!.CommunityId == community))
            .Select(h => h.Minutes).ToListAsync(ct);

        return new DashboardNumbers(rows.Count, byStatus, byCategory, byGrid, toAccept, toHandle, rated, satisfied, overdue,
            byKind, byUnit, bookingRows, minutes.Sum() / 60.0, await PointsByBranchAsync(community, now, ct));
    }

    /// <summary>This year's points of approved members, summed per 小区党支部 they were linked to at check-in.</summary>
    private async Task<IReadOnlyList<(string, double)>> PointsByBranchAsync(int? community, DateTimeOffset now, CancellationToken ct)
    {
        var year = now.ToOffset(TimeSpan.FromHours(8)).Year;
        var branches = await db.CheckIns.AsNoTracking()
            .Where(c => c.Status == CheckInStatus.Approved && c.CompoundBranch != null && (community == null || c.CommunityId == community))
            .Select(c => new { c.PersonId, Branch = c.CompoundBranch!.Name }).ToListAsync(ct);
        var people = branches.Select(b => b.PersonId).Distinct().ToList();
        var points = await db.PointEntries.AsNoTracking().Where(e => e.Year == year && people.Contains(e.PersonId))
            .GroupBy(e => e.PersonId).Select(g => new { g.Key, Sum = g.Sum(e => e.Points) }).ToListAsync(ct);
        var byPerson = points.ToDictionary(p => p.Key, p => p.Sum);
        return branches.GroupBy(b => b.Branch)
            .Select(g => (g.Key, (double)g.Select(b => b.PersonId).Distinct().Sum(id => byPerson.GetValueOrDefault(id))))
            .OrderByDescending(x => x.Item2).Take(10).ToList();
    }

    /// <summary>Open reports past their category's limit now, whenever they were filed.</summary>
    private async Task<IReadOnlyList<OverdueReport>> OverdueAsync(StaffScope scope, DateTimeOffset now, CancellationToken ct)
    {
        var open = await scope.Reports(db.Reports.AsNoTracking())
            .Where(r => r.Status == ReportStatus.Reported || r.Status == ReportStatus.Accepted || r.Status == ReportStatus.Deliberating)
            .Include(r => r.Category).Include(r => r.Compound).Include(r => r.Building)
            .OrderBy(r => r.CreatedAt).Take(500).ToListAsync(ct);
        var late = new List<OverdueReport>();
        foreach (var r in open)
        {
            var due = r.Status == ReportStatus.Reported ? (r.AcceptedAt ?? r.CreatedAt) + r.Category!.AcceptWithin
                : r.AcceptedAt is { } accepted ? accepted + r.Category!.HandleWithin : (DateTimeOffset?)null;
            if (due is { } d && d < now)
                late.Add(new OverdueReport(r.Id, r.Ticket, r.Category!.Name, ReportWording.Place(r),
                    (r.Status == ReportStatus.Reported ? "超时未受理 " : "超时未办结 ") + ReportWording.Duration(now - d)));
        }
        return late;
    }

    /// <summary>The units with most members checked in, the rest summed, so the chart stays readable on a phone.</summary>
    private static List<(string Label, double Value)> TopUnits(IEnumerable<(string? Unit, int Count)> units)
    {
        const int Shown = 8;
        var sorted = units.GroupBy(u => string.IsNullOrWhiteSpace(u.Unit) ? "未填单位" : u.Unit!)
            .Select(g => (Label: g.Key, Value: (double)g.Sum(u => u.Count))).OrderByDescending(u => u.Value).ThenBy(u => u.Label, StringComparer.Ordinal).ToList();
        if (sorted.Count <= Shown) return sorted;
        return [.. sorted.Take(Shown - 1), ("其他单位", sorted.Skip(Shown - 1).Sum(u => u.Value))];
    }

    private static TimeSpan? Median(IEnumerable<TimeSpan> spans)
    {
        var sorted = spans.Order().ToList();
        if (sorted.Count == 0) return null;
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
