using GovBot.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;

namespace GovBot.Skills.Nlu;

/// <summary>
/// The county's own communities and compounds, read from the store at start so the router recognises
/// them. Lists keep their identity until <see cref="RefreshAsync"/> loads new ones, because the router
/// rebuilds its lookup whenever a list instance changes.
/// </summary>
public sealed class StoreGazetteer(IDbContextFactory<GovBotDb> dbs) : IGazetteer, IHostedService
{
    private Snapshot? _snapshot;

    private sealed record Snapshot(
        IReadOnlyList<GazetteerEntry> Compounds, IReadOnlyList<GazetteerEntry> Communities, IReadOnlyList<GazetteerEntry> Categories);

    public IReadOnlyList<GazetteerEntry> Compounds => Current.Compounds;
    public IReadOnlyList<GazetteerEntry> Communities => Current.Communities;
    /// <summary>The county's categories as kept in the store; the defaults until it has any.</summary>
    public IReadOnlyList<GazetteerEntry> ReportCategories => Current.Categories;
    public IReadOnlyList<GazetteerEntry> Services => DefaultCategories.Services;

    /// <summary>Call after places change (an imported roster, a new compound).</summary>
    public async Task RefreshAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var compounds = await db.Compounds.AsNoTracking().Select(c => new { c.Name, c.Aliases }).ToListAsync(ct);
        var communities = await db.Communities.AsNoTracking().Select(c => c.Name).ToListAsync(ct);
        var categories = await db.ReportCategories.AsNoTracking().Where(c => c.Active).OrderBy(c => c.SortOrder)
            .Select(c => new { c.Name, c.Keywords }).ToListAsync(ct);
        _snapshot = new Snapshot(
            compounds.Select(c => new GazetteerEntry(c.Name, Split(c.Aliases))).ToList(),
            communities.Select(n => new GazetteerEntry(n, [])).ToList(),
            categories.Count == 0
                ? DefaultCategories.ReportCategories
                : categories.Select(c => new GazetteerEntry(c.Name, Split(c.Keywords))).ToList());
    }

    private static string[] Split(string list) => list.Split('|', StringSplitOptions.RemoveEmptyEntries);

    // Only reached if a message arrives before start-up finished loading; a one-off blocking load is then the lesser evil.
    private Snapshot Current => _snapshot ?? LoadNow();

    private Snapshot LoadNow()
    {
        RefreshAsync().GetAwaiter().GetResult();
        return _snapshot!;
    }

    Task IHostedService.StartAsync(CancellationToken ct) => RefreshAsync(ct);

    Task IHostedService.StopAsync(CancellationToken ct) => Task.CompletedTask;
}
