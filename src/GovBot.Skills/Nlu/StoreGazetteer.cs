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

    private sealed record Snapshot(IReadOnlyList<GazetteerEntry> Compounds, IReadOnlyList<GazetteerEntry> Communities);

    public IReadOnlyList<GazetteerEntry> Compounds => Current.Compounds;
    public IReadOnlyList<GazetteerEntry> Communities => Current.Communities;
    public IReadOnlyList<GazetteerEntry> ReportCategories => DefaultCategories.ReportCategories;
    public IReadOnlyList<GazetteerEntry> Services => DefaultCategories.Services;

    /// <summary>Call after places change (an imported roster, a new compound).</summary>
    public async Task RefreshAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var compounds = await db.Compounds.AsNoTracking().Select(c => new { c.Name, c.Aliases }).ToListAsync(ct);
        var communities = await db.Communities.AsNoTracking().Select(c => c.Name).ToListAsync(ct);
        _snapshot = new Snapshot(
            compounds.Select(c => new GazetteerEntry(c.Name, c.Aliases.Split('|', StringSplitOptions.RemoveEmptyEntries))).ToList(),
            communities.Select(n => new GazetteerEntry(n, [])).ToList());
    }

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
