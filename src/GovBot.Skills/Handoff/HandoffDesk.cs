using GovBot.Data;
using GovBot.Data.People;
using GovBot.Data.Reference;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovBot.Skills.Handoff;

/// <summary>Who takes a resident's message: their grid workers, the community office, or (for staff with no community) the county.</summary>
public enum DeskKind
{
    GridWorkers,
    CommunityOffice,
    CountyOffice,
}

/// <param name="Place">The community's name, or null for the county office.</param>
/// <param name="AfterHours">Grid workers are off duty, which is why the office has it.</param>
public sealed record Desk(DeskKind Kind, IReadOnlyList<Person> People, string? Place, string? Phone, bool AfterHours)
{
    public bool IsEmpty => People.Count == 0;

    /// <summary>Staff see a resident's whole phone number; grid workers see it masked.</summary>
    public bool AllStaff => People.All(p => (p.Roles & (Roles.Staff | Roles.Secretary | Roles.CountyAdmin)) != 0);
}

/// <summary>
/// Finds who answers now. During grid hours: building → micro-grid → grid → its workers, as reports are routed (a compound
/// spanning several grids with no building known goes to all of them). Outside grid hours, or where no grid worker
/// serves the place: the staff and secretary of the resident's community. Nobody is sent their own message.
/// </summary>
public sealed class HandoffDesk(GovBotDb db, ReferenceData reference, IOptions<HandoffOptions> options)
{
    public async Task<Desk> ForAsync(Person resident, DateTimeOffset now, CancellationToken ct)
    {
        var afterHours = !options.Value.IsGridHours(now);
        if (resident.CommunityId is not { } communityId)
            return new Desk(DeskKind.CountyOffice, await CountyOfficeAsync(resident, ct), null, null, afterHours);

        if (!afterHours)
        {
            var workers = await GridWorkersAsync(resident, ct);
            if (workers.Count > 0) return new Desk(DeskKind.GridWorkers, workers, null, null, false);
        }

        var community = await db.Communities.AsNoTracking().Where(c => c.Id == communityId)
            .Select(c => new { c.Name, c.Phone }).FirstAsync(ct);
        var office = await db.People.AsNoTracking()
            .Where(p => p.CommunityId == communityId && (p.Roles & (Roles.Staff | Roles.Secretary)) != 0 && p.Id != resident.Id)
            .ToListAsync(ct);
        // Staff before the secretary: the office's everyday worker is the one who picks up first.
        office = [.. office.OrderBy(p => p.Has(Roles.Secretary)).ThenBy(p => p.Id)];
        return new Desk(DeskKind.CommunityOffice, office, community.Name, community.Phone, afterHours);
    }

    /// <summary>The people behind WeCom user ids, in that order, leaving out any no longer known.</summary>
    public async Task<IReadOnlyList<Person>> PeopleAsync(IReadOnlyList<string> weComUserIds, CancellationToken ct)
    {
        var found = await db.People.AsNoTracking().Where(p => weComUserIds.Contains(p.WeComUserId)).ToListAsync(ct);
        return [.. weComUserIds.Select(id => found.FirstOrDefault(p => p.WeComUserId == id)).OfType<Person>()];
    }

    private async Task<IReadOnlyList<Person>> GridWorkersAsync(Person resident, CancellationToken ct)
    {
        var places = await reference.GetAsync(ct);
        IReadOnlyList<int> grids = resident.BuildingId is { } b && places.GridOfBuilding(b) is { } g ? [g] : [];
        if (grids.Count == 0 && resident.CompoundId is { } c) grids = places.GridsOfCompound(c);
        return [.. grids.SelectMany(places.WorkersOf).DistinctBy(p => p.Id).Where(p => p.Id != resident.Id)];
    }

    private Task<List<Person>> CountyOfficeAsync(Person asker, CancellationToken ct) =>
        db.People.AsNoTracking().Where(p => (p.Roles & Roles.CountyAdmin) != 0 && p.Id != asker.Id).OrderBy(p => p.Id).ToListAsync(ct);
}
