using GovBot.Data;
using GovBot.Data.CheckIns;
using GovBot.Data.People;
using GovBot.Data.Points;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Skills.Points;

public sealed record DimensionTotal(PointDimension Dimension, int Points);

public sealed record Balance(int Year, IReadOnlyList<DimensionTotal> ThisYear, int YearTotal, int AllTime);

/// <summary>One member in a ranking; <paramref name="Rank"/> is shared by equal totals (1, 2, 2, 4).</summary>
public sealed record Ranked(int PersonId, string Name, int Points, int Rank);

public sealed record Ranking(string Scope, IReadOnlyList<Ranked> Members)
{
    public Ranked? Of(int personId) => Members.FirstOrDefault(m => m.PersonId == personId);
}

/// <summary>Reads the 红色账户: balances are always sums of the lines, never stored.</summary>
public sealed class PointsBook(GovBotDb db)
{
    public async Task<Balance> BalanceAsync(int personId, int year, CancellationToken ct)
    {
        var rows = await db.PointEntries.Where(e => e.PersonId == personId)
            .GroupBy(e => new { e.Year, e.Dimension }).Select(g => new { g.Key.Year, g.Key.Dimension, Points = g.Sum(e => e.Points) })
            .ToListAsync(ct);
        var thisYear = Enum.GetValues<PointDimension>()
            .Select(d => new DimensionTotal(d, rows.Where(r => r.Year == year && r.Dimension == d).Sum(r => r.Points))).ToList();
        return new Balance(year, thisYear, thisYear.Sum(d => d.Points), rows.Sum(r => r.Points));
    }

    public Task<List<PointEntry>> RecentAsync(int personId, int count, CancellationToken ct) =>
        db.PointEntries.AsNoTracking().Include(e => e.Item).Where(e => e.PersonId == personId)
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(count).ToListAsync(ct);

    /// <summary>The member's active approved check-in, which places them in a branch and a community; null when not checked in.</summary>
    public Task<CheckIn?> CheckInOfAsync(int personId, CancellationToken ct) =>
        db.CheckIns.AsNoTracking().Include(c => c.CompoundBranch).Include(c => c.Community)
            .FirstOrDefaultAsync(c => c.PersonId == personId && c.Status == CheckInStatus.Approved, ct);

    /// <summary>This year's totals of the members checked in at the community, or at the branch when <paramref name="branchId"/> is set.</summary>
    public async Task<IReadOnlyList<Ranked>> RankAsync(int communityId, int? branchId, int year, CancellationToken ct)
    {
        var members = await db.CheckIns.AsNoTracking()
            .Where(c => c.Status == CheckInStatus.Approved && c.CommunityId == communityId && (branchId == null || c.CompoundBranchId == branchId))
            .Select(c => new { c.PersonId, c.Person!.Name }).ToListAsync(ct);
        var ids = members.Select(m => m.PersonId).ToList();
        var totals = await db.PointEntries.Where(e => e.Year == year && ids.Contains(e.PersonId))
            .GroupBy(e => e.PersonId).Select(g => new { PersonId = g.Key, Points = g.Sum(e => e.Points) })
            .ToDictionaryAsync(x => x.PersonId, x => x.Points, ct);
        var scored = members.DistinctBy(m => m.PersonId).Select(m => (m.PersonId, m.Name, Points: totals.GetValueOrDefault(m.PersonId))).ToList();
        return scored.Select(m => new Ranked(m.PersonId, m.Name, m.Points, 1 + scored.Count(o => o.Points > m.Points)))
            .OrderBy(r => r.Rank).ThenBy(r => r.PersonId).ToList();
    }
}
