using GovBot.Data;
using GovBot.Data.CheckIns;
using GovBot.Data.People;
using GovBot.Data.Places;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Host.Structure;

/// <summary>
/// The store's structure and people, read once (a query per table) and indexed by code and WeCom user id, so that
/// planning a workbook of 40,000 rows asks the database nothing more. Read tracked: apply changes these very
/// objects and saves them; a preview throws them away.
/// </summary>
internal sealed class StructureStore
{
    public List<County> Counties { get; private init; } = [];
    public List<Town> Towns { get; private init; } = [];
    public Dictionary<string, Community> Communities { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Grid> Grids { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, MicroGrid> MicroGrids { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, PropertyManager> PropertyManagers { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Compound> Compounds { get; } = new(StringComparer.Ordinal);
    /// <summary>Compound names per community, for the store's rule that two compounds of a community are named apart.</summary>
    public Dictionary<(int CommunityId, string Name), Compound> CompoundNames { get; } = [];
    public Dictionary<(Compound Compound, int Number), Building> Buildings { get; } = [];
    public Dictionary<string, ServiceStation> Stations { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, WorkUnit> WorkUnits { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, WorkUnit> WorkUnitNames { get; } = new(StringComparer.Ordinal);
    public HashSet<(int WorkUnitId, int CompoundId)> Pairings { get; } = [];
    public Dictionary<string, Person> People { get; } = new(StringComparer.Ordinal);
    public Dictionary<int, Person> PeopleById { get; } = [];
    public Dictionary<int, List<GridWorkerAssignment>> Assignments { get; } = [];

    public static async Task<StructureStore> LoadAsync(GovBotDb db, CancellationToken ct)
    {
        var store = new StructureStore
        {
            Counties = await db.Counties.ToListAsync(ct),
            Towns = await db.Towns.ToListAsync(ct),
        };
        var communities = await db.Communities.ToListAsync(ct);
        var grids = await db.Grids.ToListAsync(ct);
        var microGrids = await db.MicroGrids.ToListAsync(ct);
        var managers = await db.PropertyManagers.ToListAsync(ct);
        var compounds = await db.Compounds.ToListAsync(ct);
        var buildings = await db.Buildings.ToListAsync(ct);
        var stations = await db.ServiceStations.ToListAsync(ct);
        var units = await db.WorkUnits.ToListAsync(ct);
        var pairings = await db.UnitPairings.Select(p => new { p.WorkUnitId, p.CompoundId }).ToListAsync(ct);
        var people = await db.People.ToListAsync(ct);
        var assignments = await db.GridWorkers.ToListAsync(ct);

        // Rows without a code (made by the bot, or the demo county) cannot be named by a workbook and are left out.
        foreach (var x in communities.Where(x => x.Code is not null)) store.Communities[x.Code!] = x;
        foreach (var x in grids.Where(x => x.Code is not null)) store.Grids[x.Code!] = x;
        foreach (var x in microGrids.Where(x => x.Code is not null)) store.MicroGrids[x.Code!] = x;
        foreach (var x in managers.Where(x => x.Code is not null)) store.PropertyManagers[x.Code!] = x;
        foreach (var x in compounds)
        {
            if (x.Code is not null) store.Compounds[x.Code] = x;
            store.CompoundNames[(x.CommunityId, x.Name)] = x;
        }
        foreach (var b in buildings.Where(b => b.Compound?.Code is not null)) store.Buildings[(b.Compound!, b.Number)] = b;
        foreach (var x in stations.Where(x => x.Code is not null)) store.Stations[x.Code!] = x;
        foreach (var x in units)
        {
            if (x.Code is not null) store.WorkUnits[x.Code] = x;
            store.WorkUnitNames[x.Name] = x;
        }
        foreach (var p in pairings) store.Pairings.Add((p.WorkUnitId, p.CompoundId));
        foreach (var p in people)
        {
            store.People[p.WeComUserId] = p;
            store.PeopleById[p.Id] = p;
        }
        foreach (var a in assignments)
        {
            if (!store.Assignments.TryGetValue(a.PersonId, out var list)) store.Assignments[a.PersonId] = list = [];
            list.Add(a);
        }
        return store;
    }
}
