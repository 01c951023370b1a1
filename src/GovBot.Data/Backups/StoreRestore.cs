using System.Globalization;
using Microsoft.Data.Sqlite;

namespace GovBot.Data.Backups;

/// <summary>What a restore did: the store now in place and where the file it replaced was put (null: there was none).</summary>
public sealed record RestoreDone(string Store, string? ReplacedKeptAt);

/// <summary>
/// Puts a backup in place of the store, for a host that is stopped. It refuses a backup that fails
/// <see cref="StoreCopyCheck"/> and a store some process still has open, and never deletes the store it replaces: that
/// file (with its -wal, folded in first) is renamed govbot.db.replaced-20261204-093000 beside it.
/// </summary>
public static class StoreRestore
{
    /// <exception cref="StoreCopyException">The backup is not a usable store.</exception>
    /// <exception cref="StoreInUseException">A host (or another program) still has the store open.</exception>
    public static RestoreDone Run(string backup, string store, DateTimeOffset now)
    {
        StoreCopyCheck.Verify(backup);
        store = Path.GetFullPath(store);
        string? aside = null;
        if (File.Exists(store))
        {
            FoldLogOrRefuse(store);
            aside = store + ".replaced-" + now.ToOffset(TimeSpan.FromHours(8)).ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
            File.Move(store, aside);
        }
        Directory.CreateDirectory(Path.GetDirectoryName(store)!);
        var restoring = store + ".restoring";
        File.Copy(backup, restoring, overwrite: true);
        using (var file = new FileStream(restoring, FileMode.Open, FileAccess.ReadWrite)) file.Flush(flushToDisk: true);
        File.Move(restoring, store);
        return new RestoreDone(store, aside);
    }

    /// <summary>
    /// Leaving WAL mode needs the only connection to the file: SQLite refuses while any other, in any process, has it
    /// open, which is the test for "in use" that sees a running host even when it is idle. When it succeeds, the log is
    /// folded into the file, so the file set aside is whole on its own.
    /// </summary>
    private static void FoldLogOrRefuse(string store)
    {
        // DefaultTimeout is how long Microsoft.Data.Sqlite retries a busy file (0 would be for ever): a running host answers busy at once.
        var csb = new SqliteConnectionStringBuilder { DataSource = store, Mode = SqliteOpenMode.ReadWrite, Pooling = false, DefaultTimeout = 2 };
        try
        {
            using var connection = new SqliteConnection(csb.ToString());
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=DELETE";
            if (!string.Equals(command.ExecuteScalar() as string, "delete", StringComparison.OrdinalIgnoreCase))
                throw new StoreInUseException(store);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is 5 or 6) // SQLITE_BUSY, SQLITE_LOCKED
        {
            throw new StoreInUseException(store);
        }
        foreach (var side in new[] { "-wal", "-shm", "-journal" })
            if (File.Exists(store + side)) throw new StoreInUseException(store);
    }
}

public sealed class StoreInUseException(string store) : Exception($"{store} is open in another process (is the host still running?).");
