using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GovBot.Data.Store;

/// <summary>
/// Copies the write-ahead log into the database file in the background, every <see cref="Interval"/>, and sees that
/// the log starts again from its beginning. Left to SQLite, the commit that fills the log past a thousand pages
/// checkpoints, fsync included, while the commit group and every turn waiting on it stand still: under load that cost
/// a tenth of the throughput. The app's read-write connections have SQLite's own checkpoints switched off
/// (<see cref="SqlitePragmaInterceptor"/>); a process without this service (a tool, a test) still checkpoints when it
/// closes its last connection.
/// </summary>
/// <remarks>
/// A passive checkpoint waits for nobody, so it does the copying beside the writers. But SQLite starts the log again
/// from its beginning only when a writer finds it wholly copied and no reader still on it, which under steady load, with
/// turns always reading beside the commit group, never happens: the ten-minute soak grew an 11 GB log, and the log's
/// index, which every connection maps, grew the host's memory with it. So once the log is past
/// <see cref="DataOptions.LogRestartPages"/>, a restarting checkpoint copies what came since and starts the log again
/// holding this process's <see cref="StoreWriteGate"/>: a few milliseconds in which no commit group writes. Readers
/// still on the old log are waited for at most <see cref="RestartWaitMs"/>; a long one (an export) puts the restart off
/// to a later round.
/// </remarks>
public sealed partial class StoreCheckpointer(
    IDbContextFactory<GovBotDb> pool, StoreWriteGate gate, IOptions<DataOptions> options, TimeProvider time, ILogger<StoreCheckpointer> log)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    public const int RestartWaitMs = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        string connectionString;
        await using (var probe = pool.CreateDbContext())
        {
            // PostgreSQL checkpoints by itself.
            if (probe.Database.IsPostgres()) return;
            connectionString = probe.Database.GetConnectionString()!;
        }
        var csb = new SqliteConnectionStringBuilder(connectionString);
        // An in-memory store has no log.
        if (csb.Mode == SqliteOpenMode.Memory || csb.DataSource is "" or ":memory:") return;

        await using var connection = new SqliteConnection(connectionString);
        await using var passive = connection.CreateCommand();
        passive.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
        await using var restart = connection.CreateCommand();
        restart.CommandText = "PRAGMA wal_checkpoint(RESTART)";
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Interval, time, stoppingToken);
                if (connection.State != System.Data.ConnectionState.Open)
                {
                    await connection.OpenAsync(stoppingToken);
                    SqlitePragmaInterceptor.For(options.Value.Synchronous).Apply(connection);
                    using var wait = connection.CreateCommand();
                    wait.CommandText = $"PRAGMA busy_timeout={RestartWaitMs}";
                    wait.ExecuteNonQuery();
                }
                var frames = await RunAsync(passive, stoppingToken);
                if (frames < options.Value.LogRestartPages) continue;
                using (await gate.EnterAsync(stoppingToken)) await RunAsync(restart, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // Once more on the way out, so that a copy of the stopped store's file alone misses as little as can be.
                if (connection.State == System.Data.ConnectionState.Open) TryLastCheckpoint(passive);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The log keeps growing until a later round succeeds; nothing written is at risk.
                LogCheckpointFailed(log, ex);
                await connection.CloseAsync();
            }
        }
    }

    /// <summary>Runs a checkpoint and gives the log's length in pages, from SQLite's answer (busy, log, checkpointed).</summary>
    private static async Task<long> RunAsync(SqliteCommand checkpoint, CancellationToken ct)
    {
        await using var result = await checkpoint.ExecuteReaderAsync(ct);
        return await result.ReadAsync(ct) ? result.GetInt64(1) : 0;
    }

    private void TryLastCheckpoint(SqliteCommand checkpoint)
    {
        try
        {
            checkpoint.ExecuteNonQuery();
        }
        catch (SqliteException ex)
        {
            LogCheckpointFailed(log, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checkpointing the store's write-ahead log failed; trying again")]
    private static partial void LogCheckpointFailed(ILogger logger, Exception ex);
}
