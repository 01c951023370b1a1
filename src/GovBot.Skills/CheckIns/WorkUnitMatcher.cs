using GovBot.Skills.Conversation.Forms;
namespace GovBot.Skills.CheckIns;

/// <summary>A unit in the store, with the county it belongs to (from its name, else from the compounds it pairs with).</summary>
public sealed record KnownUnit(int Id, string Name, int? CountyId);

/// <summary>
/// What a typed unit came to: one <see cref="Unit"/> for certain, or the closest <see cref="Options"/> to offer
/// (possibly none) beside registering <see cref="NewName"/>. <see cref="Typed"/> is the answer without its frame;
/// <see cref="SameName"/> says the options all carry the very name typed (交通局 in two counties).
/// </summary>
public sealed record UnitMatch(KnownUnit? Unit, IReadOnlyList<KnownUnit> Options, string Typed, string NewName, bool SameName = false)
{
    public bool Certain => Unit is not null;
}

/// <summary>
/// Matches a typed unit against the store's units of the member's county. Certain when the expanded
/// names agree (卫健局 = 清徐县卫生健康局), when the words fit one unit only (「卫生健康」), or when one
/// character is off in one unit only (交通运愉局). Otherwise it offers the closest names by shared character
/// pairs; a known agency that is not in the store (城管局) is never bent onto another one.
/// </summary>
public sealed class WorkUnitMatcher
{
    /// <summary>Below this share of common character pairs a unit is not worth offering.</summary>
    private const double Closeness = 0.2;
    public const int MaxOptions = 3;

    private readonly UnitNames _names;
    private readonly IReadOnlyList<CountyName> _counties;
    private readonly List<(KnownUnit Unit, UnitName Name)> _units;

    public WorkUnitMatcher(IEnumerable<KnownUnit> units, IReadOnlyList<CountyName> counties, UnitNames? names = null)
    {
        _names = names ?? UnitNames.Default;
        _counties = counties;
        _units = [];
        foreach (var unit in units)
        {
            var name = _names.ReadStored(unit.Name, counties) ?? new UnitName(unit.Name, null, false, null, unit.Name, "", unit.Name);
            // The name says the county more surely than a pairing (a county bureau may pair across the border).
            _units.Add((unit with { CountyId = name.County?.Id ?? unit.CountyId }, name));
        }
    }

    public IReadOnlyList<CountyName> Counties => _counties;

    /// <summary>Units of a county (and those of no known county), in store order.</summary>
    public IReadOnlyList<KnownUnit> UnitsOf(int? countyId) => [.. Pool(countyId).Select(u => u.Unit)];

    public CountyName? County(int? id) => _counties.FirstOrDefault(c => c.Id == id);

    /// <summary>Null when the answer holds no name at all (「好的」, 「3」).</summary>
    public UnitMatch? Match(string typed, int? memberCountyId)
    {
        if (_names.Read(typed, _counties) is not { } name || name.Key.Length < 2 || name.Key.All(char.IsAsciiDigit)) return null;
        var county = name.County?.Id ?? memberCountyId;
        var pool = Pool(county);
        var newName = UnitNames.NewName(name, County(memberCountyId));
        UnitMatch Found(KnownUnit unit) => new(unit, [], name.Cleaned, newName);
        UnitMatch Offer(IEnumerable<(KnownUnit Unit, UnitName Name)> options, bool sameName = false) =>
            new(null, [.. options.OrderByDescending(o => Score(name, o.Name)).ThenBy(o => o.Unit.Id).Take(MaxOptions).Select(o => o.Unit)], name.Cleaned, newName, sameName);

        var same = pool.Where(u => u.Name.Key == name.Key).ToList();
        if (same.Count == 1) return Found(same[0].Unit);
        if (same.Count > 1) return Offer(same, sameName: true);

        if (!name.IsKnownAgency)
        {
            // 「卫生健康」 or 「医院」: the words are part of one unit's name, or of several.
            var within = pool.Where(u => u.Name.Forms.Any(f => f.Contains(name.Key, StringComparison.Ordinal) || f.Contains(name.Body, StringComparison.Ordinal))).ToList();
            if (within.Count == 1) return Found(within[0].Unit);
            if (within.Count > 1) return Offer(within);

            // One character off, the usual slip of a pinyin keyboard (卫健据, 交通运愉局).
            if (name.Body.Length >= 3)
            {
                var near = pool.Where(u => u.Name.Forms.Any(f => f.Length >= 3 && (TextSimilarity.Distance(f, name.Body) <= 1 || TextSimilarity.Distance(f, name.Key) <= 1))).ToList();
                if (near.Count == 1) return Found(near[0].Unit);
                if (near.Count > 1) return Offer(near);
            }
        }
        return Offer(pool.Where(u => Score(name, u.Name) >= Closeness));
    }

    /// <summary>The one unit among <paramref name="ids"/> that the words name for certain (「卫健局那个」), if any.</summary>
    public KnownUnit? Among(string typed, IReadOnlyCollection<int> ids)
    {
        var subset = new WorkUnitMatcher(_units.Where(u => ids.Contains(u.Unit.Id)).Select(u => u.Unit), _counties, _names);
        return subset.Match(typed, null) is { Unit: { } unit } ? unit : null;
    }

    /// <summary>The closest existing units to a name not in the store, for staff checking a new unit.</summary>
    public IReadOnlyList<KnownUnit> Closest(string name, int? countyId) =>
        Match(name, countyId) is { } match ? match.Unit is { } one ? [one] : match.Options : [];

    private IEnumerable<(KnownUnit Unit, UnitName Name)> Pool(int? county) =>
        _units.Where(u => county is null || u.Unit.CountyId is null || u.Unit.CountyId == county);

    /// <summary>Dice coefficient of character pairs, the best over the ways the unit is written.</summary>
    private static double Score(UnitName typed, UnitName unit) =>
        unit.Forms.Append(unit.Key).Max(f => Math.Max(TextSimilarity.Dice(typed.Key, f), TextSimilarity.Dice(typed.Body, f)));

}
