using GovBot.Data.Store;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Data.Reference;

/// <summary>
/// Keeps the reference data every report and grid question reads (<see cref="ReferenceSnapshot"/>) in memory. Each
/// turn first reads one stamp that triggers change with every write to that data (from any process, or by hand in
/// the database); the snapshot is read again only when the stamp moved. A report filed used to read categories,
/// compound, building, grid and workers again each time: a third of its statements.
/// </summary>
public sealed class ReferenceCache
{
    public const string StampTable = "ReferenceStamps";
    private const string StampSql = $"""SELECT "Stamp" FROM "{StampTable}" WHERE "Id" = 1""";

    private volatile Loaded? _current;

    private sealed record Loaded(long Stamp, ReferenceSnapshot Snapshot);

    /// <summary>The snapshot as of <paramref name="db"/>'s view of the store (its transaction, when it has one).</summary>
    public async Task<ReferenceSnapshot> GetAsync(GovBotDb db, CancellationToken ct)
    {
        var stamp = await StampAsync(db, ct);
        if (_current is { } current && current.Stamp == stamp) return current.Snapshot;
        // Read after the stamp: the data is at least as new as the stamp it is filed under, and if it is newer,
        // the next turn sees the stamp moved and reads it again.
        var snapshot = await LoadAsync(db, ct);
        // A store made without migrations (EnsureCreated) has no stamp: nothing is kept, every turn reads afresh.
        if (stamp is { } kept) _current = new Loaded(kept, snapshot);
        return snapshot;
    }

    private static async Task<long?> StampAsync(GovBotDb db, CancellationToken ct)
    {
        try
        {
            return await StoreCommand.RunAsync(db, StampSql, async (command, ct) => await command.ExecuteScalarAsync(ct) as long?, ct);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == 1 && ex.Message.Contains("no such table", StringComparison.Ordinal))
        {
            return null;
        }
        catch (DbException ex) when (PostgresStore.IsMissingTable(ex))
        {
            return null;
        }
    }

    private static async Task<ReferenceSnapshot> LoadAsync(GovBotDb db, CancellationToken ct)
    {
        var categories = await db.ReportCategories.AsNoTracking().Where(c => c.Active).OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync(ct);
        var compounds = await db.Compounds.AsNoTracking().ToListAsync(ct);
        var buildings = await db.Buildings.AsNoTracking()
            .Select(b => new { Building = b, GridId = b.MicroGridId == null ? null : (int?)b.MicroGrid!.GridId })
            .ToListAsync(ct);
        var workers = await db.GridWorkers.AsNoTracking().Select(w => new { w.GridId, w.Person }).ToListAsync(ct);
        return new ReferenceSnapshot(categories, compounds,
            buildings.Select(b => (b.Building, b.GridId)),
            workers.Where(w => w.Person is not null).Select(w => (w.GridId, w.Person!)));
    }
}
