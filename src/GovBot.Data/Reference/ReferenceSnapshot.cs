using GovBot.Data.People;
using GovBot.Data.Places;
using GovBot.Data.Reports;

namespace GovBot.Data.Reference;

/// <summary>
/// The reference data of one moment, as the chat asks for it: active report categories, compounds, buildings with
/// the grid of their micro-grid, and each grid's workers. The entities are shared between turns and not tracked:
/// read them, never change them or hang them on a tracked entity.
/// </summary>
public sealed class ReferenceSnapshot
{
    private readonly Dictionary<int, Compound> _compounds;
    private readonly Dictionary<int, Building> _buildings;
    private readonly Dictionary<(int CompoundId, int Number), Building> _byNumber;
    private readonly Dictionary<int, int> _gridOfBuilding;
    private readonly Dictionary<int, int[]> _gridsOfCompound;
    private readonly Dictionary<int, Person[]> _workers;

    public ReferenceSnapshot(
        IReadOnlyList<ReportCategory> categories,
        IEnumerable<Compound> compounds,
        IEnumerable<(Building Building, int? GridId)> buildings,
        IEnumerable<(int GridId, Person Worker)> workers)
    {
        Categories = categories;
        _compounds = compounds.ToDictionary(c => c.Id);
        var all = buildings.ToList();
        _buildings = all.ToDictionary(b => b.Building.Id, b => b.Building);
        // Two rows of one number in a compound would be a data error; the first (lowest id) is the one SQL found.
        _byNumber = all.OrderBy(b => b.Building.Id).GroupBy(b => (b.Building.CompoundId, b.Building.Number))
            .ToDictionary(g => g.Key, g => g.First().Building);
        _gridOfBuilding = all.Where(b => b.GridId is not null).ToDictionary(b => b.Building.Id, b => b.GridId!.Value);
        _gridsOfCompound = all.Where(b => b.GridId is not null).GroupBy(b => b.Building.CompoundId)
            .ToDictionary(g => g.Key, g => g.Select(b => b.GridId!.Value).Distinct().Order().ToArray());
        _workers = workers.GroupBy(w => w.GridId)
            .ToDictionary(g => g.Key, g => g.Select(w => w.Worker).DistinctBy(p => p.Id).OrderBy(p => p.Id).ToArray());
    }

    /// <summary>Active categories in the county's order.</summary>
    public IReadOnlyList<ReportCategory> Categories { get; }

    public Compound? Compound(int id) => _compounds.GetValueOrDefault(id);

    /// <summary>Compounds called <paramref name="name"/>, by name or one of their aliases.</summary>
    public IReadOnlyList<Compound> CompoundsNamed(string name) =>
        [.. _compounds.Values.Where(c => c.Name == name || c.Aliases.Contains(name, StringComparison.Ordinal)).OrderBy(c => c.Id)];

    /// <summary>
    /// The compound with coordinates nearest to a point (GCJ-02, as sent), when it is within <paramref name="radiusMeters"/>;
    /// null when none is that close or none has coordinates.
    /// </summary>
    public (Compound Compound, double Meters)? NearestCompound(double latitude, double longitude, double radiusMeters)
    {
        (Compound, double)? best = null;
        foreach (var c in _compounds.Values)
        {
            if (c.Latitude is not { } lat || c.Longitude is not { } lng) continue;
            var d = Geo.Meters(latitude, longitude, lat, lng);
            // Equal distances: the lower id, so the answer never depends on dictionary order.
            if (d <= radiusMeters && (best is not { } b || d < b.Item2 || (d == b.Item2 && c.Id < b.Item1.Id))) best = (c, d);
        }
        return best;
    }

    /// <summary>The compound's buildings by number.</summary>
    public IReadOnlyList<Building> BuildingsOf(int compoundId) =>
        [.. _byNumber.Where(b => b.Key.CompoundId == compoundId).Select(b => b.Value).OrderBy(b => b.Number)];

    public Building? Building(int id) => _buildings.GetValueOrDefault(id);

    public Building? Building(int compoundId, int number) => _byNumber.GetValueOrDefault((compoundId, number));

    /// <summary>The grid a building's micro-grid belongs to; null for a building not yet put in a micro-grid.</summary>
    public int? GridOfBuilding(int buildingId) => _gridOfBuilding.TryGetValue(buildingId, out var grid) ? grid : null;

    /// <summary>Every grid some building of the compound belongs to.</summary>
    public IReadOnlyList<int> GridsOfCompound(int compoundId) => _gridsOfCompound.GetValueOrDefault(compoundId) ?? [];

    /// <summary>The grid's workers, not tracked.</summary>
    public IReadOnlyList<Person> WorkersOf(int gridId) => _workers.GetValueOrDefault(gridId) ?? [];
}
