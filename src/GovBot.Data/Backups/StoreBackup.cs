using GovBot.Data.Store;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace GovBot.Data.Backups;

/// <summary>A finished copy: where it is, how big, how long the copy and the check took.</summary>
public sealed record BackupCopy(string Path, long Bytes, TimeSpan Took);

/// <summary>
/// Online copies of the store while the host runs. The copy is one <c>VACUUM INTO</c>: a single read transaction, so in
/// WAL mode it sees one consistent snapshot while the bot keeps committing beside it (readers never block writers), and
/// it writes one compact file with no -wal beside it. It is written under a temporary name, checked
/// (<see cref="StoreCopyCheck"/>), flushed to disk and only then given its final name, so a file named
/// govbot-*.db is always a whole, checked copy.
/// </summary>
/// <remarks>
/// Why not <c>SqliteConnection.BackupDatabase</c>: it copies page by page (free pages too) through a second connection
/// to the target, and is no gentler on writers; <c>VACUUM INTO</c> needs nothing but the source connection and refuses
/// to overwrite a file that exists. What it costs the bot: while it reads, the checkpointer cannot start the log again
/// (<see cref="StoreCheckpointer"/>), so the -wal file grows for the length of the copy and is reset after.
/// </remarks>
public static class StoreBackup
{
    public const string Prefix = "govbot-";
    public const string Extension = ".db";
    private const string Partial = ".partial";

    /// <summary>govbot-20261204-023000.db: China time, so the names sort by time and read as the staff's clock.</summary>
    public static string FileName(DateTimeOffset at) =>
        Prefix + at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + Extension;

    /// <summary>Copies the store at <paramref name="storeConnectionString"/> into <paramref name="directory"/> and checks the copy.</summary>
    /// <exception cref="StoreCopyException">The copy failed its check; nothing was left under the final name.</exception>
    public static async Task<BackupCopy> CopyAsync(string storeConnectionString, string directory, DateTimeOffset now, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        Directory.CreateDirectory(directory);
        var final = Path.Combine(Path.GetFullPath(directory), FileName(now));
        if (File.Exists(final)) throw new StoreCopyException($"{final} exists already.");
        var partial = final + Partial;
        File.Delete(partial);
        try
        {
            var source = new SqliteConnectionStringBuilder(storeConnectionString)
            {
                // The store must exist: a wrong path must fail, not back up a new empty file.
                Mode = SqliteOpenMode.ReadWrite,
                Pooling = false,
                // How long a busy file is retried; a WAL reader is turned away only for the moment a checkpoint restarts the log.
                DefaultTimeout = 30,
            };
            await using (var connection = new SqliteConnection(source.ToString()))
            {
                await connection.OpenAsync(ct);
                await using var vacuum = connection.CreateCommand();
                vacuum.CommandText = "VACUUM INTO $path";
                vacuum.Parameters.AddWithValue("$path", partial);
                await vacuum.ExecuteNonQueryAsync(ct);
            }
            StoreCopyCheck.Verify(partial);
            // VACUUM INTO leaves flushing to the OS: the copy is on disk before it is named as a backup.
            await using (var file = new FileStream(partial, FileMode.Open, FileAccess.ReadWrite)) file.Flush(flushToDisk: true);
            File.Move(partial, final);
            return new BackupCopy(final, new FileInfo(final).Length, watch.Elapsed);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    /// <summary>The backups in <paramref name="directory"/>, newest first (their names sort by time).</summary>
    public static List<string> List(string directory) =>
        !Directory.Exists(directory) ? [] : Directory.GetFiles(directory, Prefix + "*" + Extension)
            .Where(f => Path.GetFileName(f).Length == (Prefix + "yyyyMMdd-HHmmss" + Extension).Length)
            .OrderByDescending(f => Path.GetFileName(f), StringComparer.Ordinal).ToList();

    /// <summary>Deletes all but the newest <paramref name="keep"/> backups; returns the ones deleted.</summary>
    public static List<string> Prune(string directory, int keep)
    {
        var old = List(directory).Skip(Math.Max(keep, 1)).ToList();
        foreach (var file in old) File.Delete(file);
        return old;
    }
}

/// <summary>A copy that does not open, fails SQLite's check or lacks the store's tables.</summary>
public sealed class StoreCopyException(string message, Exception? inner = null) : Exception(message, inner);
