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
            var grid = await GridOfBuilding.For(db)(db, b, ct);
            if (grid is { } g) grids.Add(g);
        }
        if (grids.Count == 0 && compoundId is { } c)
            grids = await db.Buildings.Where(x => x.CompoundId == c && x.MicroGridId != null)
                .Select(x => x.MicroGrid!.GridId).Distinct().ToListAsync(ct);

        var workers = grids.Count switch
        {
            0 => [],
            1 => await GridWorkersAsync(grids[0], ct),
            _ => await db.GridWorkers.Where(w => grids.Contains(w.GridId)).Select(w => w.Person!).Distinct().ToListAsync(ct),
        };
        if (workers.Count == 0) workers = await CommunityStaffAsync(communityId, ct);
        return new Route(communityId, grids.Count == 1 ? grids[0] : null, workers);
    }

    public async Task<List<Person>> GridWorkersAsync(int gridId, CancellationToken ct) =>
        await WorkersOfGrid.For(db)(db, gridId).ToListAsync(ct);

    // Every report asks these; compiled once, they skip EF's per-call look at the expression tree.
    // A building not yet put in a micro-grid has no grid: the nullable projection says so instead of throwing.
    private static readonly ModelQuery<Func<GovBotDb, int, CancellationToken, Task<int?>>> GridOfBuilding = new(() =>
        EF.CompileAsyncQuery((GovBotDb db, int buildingId, CancellationToken ct) =>
            db.Buildings.Where(x => x.Id == buildingId).Select(x => (int?)x.MicroGrid!.GridId).FirstOrDefault()));

    private static readonly ModelQuery<Func<GovBotDb, int, IAsyncEnumerable<Person>>> WorkersOfGrid = new(() =>
        EF.CompileAsyncQuery((GovBotDb db, int gridId) => db.GridWorkers.Where(w => w.GridId == gridId).Select(w => w.Person!).Distinct()));

    public Task<List<Person>> CommunityStaffAsync(int communityId, CancellationToken ct) =>
        db.People.Where(p => p.CommunityId == communityId && (p.Roles & (Roles.Staff | Roles.Secretary)) != 0).ToListAsync(ct);

    public Task<List<Person>> SecretariesAsync(int communityId, CancellationToken ct) =>
        db.People.Where(p => p.CommunityId == communityId && (p.Roles & Roles.Secretary) != 0).ToListAsync(ct);
}
