using GovBot.Data;
using GovBot.Data.People;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Skills.Reports;

/// <summary>Where a report goes: its grid, and the people who get the card.</summary>
public sealed record Route(int CommunityId, int? GridId, IReadOnlyList<Person> Workers);

/// <summary>
/// compound and building → micro-grid → grid → its grid workers. A compound spanning several grids
/// with no building named goes to all of them (the first to accept takes it); with no grid at all,
/// the community's staff get it.
/// </summary>
public sealed class ReportRouting(GovBotDb db)
{
    public async Task<Route> RouteAsync(int communityId, int? compoundId, int? buildingId, CancellationToken ct)
    {
        List<int> grids = [];
        if (buildingId is { } b)
        {
            // A building not yet put in a micro-grid has no grid: the nullable projection says so instead of throwing.
            var grid = await db.Buildings.Where(x => x.Id == b).Select(x => (int?)x.MicroGrid!.GridId).FirstOrDefaultAsync(ct);
            if (grid is { } g) grids.Add(g);
        }
        if (grids.Count == 0 && compoundId is { } c)
            grids = await db.Buildings.Where(x => x.CompoundId == c && x.MicroGridId != null)
                .Select(x => x.MicroGrid!.GridId).Distinct().ToListAsync(ct);

        var workers = grids.Count == 0
            ? []
            : await db.GridWorkers.Where(w => grids.Contains(w.GridId)).Select(w => w.Person!).Distinct().ToListAsync(ct);
        if (workers.Count == 0) workers = await CommunityStaffAsync(communityId, ct);
        return new Route(communityId, grids.Count == 1 ? grids[0] : null, workers);
    }

    public Task<List<Person>> GridWorkersAsync(int gridId, CancellationToken ct) =>
        db.GridWorkers.Where(w => w.GridId == gridId).Select(w => w.Person!).ToListAsync(ct);

    public Task<List<Person>> CommunityStaffAsync(int communityId, CancellationToken ct) =>
        db.People.Where(p => p.CommunityId == communityId && (p.Roles & (Roles.Staff | Roles.Secretary)) != 0).ToListAsync(ct);

    public Task<List<Person>> SecretariesAsync(int communityId, CancellationToken ct) =>
        db.People.Where(p => p.CommunityId == communityId && (p.Roles & Roles.Secretary) != 0).ToListAsync(ct);
}
