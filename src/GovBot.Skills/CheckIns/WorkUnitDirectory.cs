using GovBot.Data;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Skills.CheckIns;

/// <summary>
/// The store's work units and counties, read once per scope, for matching what members type
/// (<see cref="WorkUnitMatcher"/>) and for telling staff which existing units a new name is close to.
/// </summary>
public sealed class WorkUnitDirectory(GovBotDb db)
{
    private WorkUnitMatcher? _matcher;
    private Dictionary<int, int>? _countyOfCompound;

    public async Task<WorkUnitMatcher> MatcherAsync(CancellationToken ct)
    {
        if (_matcher is not null) return _matcher;
        var counties = await db.Counties.AsNoTracking().OrderBy(c => c.Id).Select(c => new CountyName(c.Id, c.Name)).ToListAsync(ct);
        var units = await db.WorkUnits.AsNoTracking().OrderBy(u => u.Id)
            .Select(u => new { u.Id, u.Name, Counties = u.Pairings.Select(p => p.Compound!.Community!.Town!.CountyId).ToList() })
            .ToListAsync(ct);
        return _matcher = new WorkUnitMatcher(units.Select(u => new KnownUnit(u.Id, u.Name, u.Counties.Count > 0 ? u.Counties[0] : null)), counties);
    }

    /// <summary>Forget what was read, after a unit was added or renamed in this scope.</summary>
    public void Refresh() => _matcher = null;

    public async Task<int?> CountyOfCompoundAsync(int compoundId, CancellationToken ct)
    {
        _countyOfCompound ??= await db.Compounds.AsNoTracking()
            .Select(c => new { c.Id, c.Community!.Town!.CountyId }).ToDictionaryAsync(c => c.Id, c => c.CountyId, ct);
        return _countyOfCompound.TryGetValue(compoundId, out var county) ? county : null;
    }

    public async Task<int?> CountyOfCommunityAsync(int? communityId, CancellationToken ct) =>
        communityId is null ? null
            : await db.Communities.AsNoTracking().Where(c => c.Id == communityId).Select(c => (int?)c.Town!.CountyId).FirstOrDefaultAsync(ct);

    /// <summary>The names of existing units close to a new one, for staff to compare before they approve.</summary>
    public async Task<IReadOnlyList<string>> CloseToAsync(string newName, int compoundId, CancellationToken ct)
    {
        var matcher = await MatcherAsync(ct);
        return [.. matcher.Closest(newName, await CountyOfCompoundAsync(compoundId, ct)).Select(u => u.Name)];
    }
}
