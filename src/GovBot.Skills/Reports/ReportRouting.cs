using GovBot.Data;
using GovBot.Data.People;
using GovBot.Data.Reference;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Skills.Reports;

/// <summary>Where a report goes: its grid, and the people who get the card.</summary>
public sealed record Route(int CommunityId, int? GridId, IReadOnlyList<Person> Workers);

/// <summary>
/// compound and building → micro-grid → grid → its grid workers. A compound spanning several grids
/// with no building named goes to all of them (the first to accept takes it); with no grid at all,
/// the community's staff get it.
/// </summary>
public sealed class ReportRouting(GovBotDb db, ReferenceData reference)
{
    public async Task<Route> RouteAsync(int communityId, int? compoundId, int? buildingId, CancellationToken ct)
    {
        var places = await reference.GetAsync(ct);
        IReadOnlyList<int> grids = buildingId is { } b && places.GridOfBuilding(b) is { } g ? [g] : [];
        if (grids.Count == 0 && compoundId is { } c) grids = places.GridsOfCompound(c);

        List<Person> workers = [.. grids.SelectMany(places.WorkersOf).DistinctBy(p => p.Id)];
        if (workers.Count == 0) workers = await CommunityStaffAsync(communityId, ct);
        return new Route(communityId, grids.Count == 1 ? grids[0] : null, workers);
    }

    /// <summary>The grid's workers, not tracked.</summary>
    public async Task<IReadOnlyList<Person>> GridWorkersAsync(int gridId, CancellationToken ct) =>
        (await reference.GetAsync(ct)).WorkersOf(gridId);

    public Task<List<Person>> CommunityStaffAsync(int communityId, CancellationToken ct) =>
        db.People.Where(p => p.CommunityId == communityId && (p.Roles & (Roles.Staff | Roles.Secretary)) != 0).ToListAsync(ct);

    public Task<List<Person>> SecretariesAsync(int communityId, CancellationToken ct) =>
        db.People.Where(p => p.CommunityId == communityId && (p.Roles & Roles.Secretary) != 0).ToListAsync(ct);
}
