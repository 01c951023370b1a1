using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GovBot.Data;

/// <summary>
/// Copies the write-ahead log into the database file in the background, every <see cref="Interval"/>. Left to SQLite,
/// the commit that fills the log past a thousand pages does it, fsync included, while the commit group and every turn
/// waiting on it stand still: under load that cost a tenth of the throughput. The app's read-write connections have
/// SQLite's own checkpoints switched off (<see cref="SqlitePragmaInterceptor"/>); a process without this service (a
/// tool, a test) still checkpoints when it closes its last connection. A passive checkpoint waits for nobody: what a
/// reader still needs stays in the log for the next round.
/// </summary>
public sealed partial class StoreCheckpointer(IDbContextFactory<GovBotDb> pool, TimeProvider time, ILogger<StoreCheckpointer> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        string connectionString;
        await using (var probe = pool.CreateDbContext()) connectionString = probe.Database.GetConnectionString()!;
        var csb = new SqliteConnectionStringBuilder(connectionString);
        // An in-memory store has no log.
        if (csb.Mode == SqliteOpenMode.Memory || csb.DataSource is "" or ":memory:") return;

        await using var connection = new SqliteConnection(connectionString);
        await using var checkpoint = connection.CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Interval, time, stoppingToken);
                if (connection.State != System.Data.ConnectionState.Open)
                {
                    await connection.OpenAsync(stoppingToken);
                    SqlitePragmaInterceptor.Instance.Apply(connection);
                }
                await checkpoint.ExecuteNonQueryAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // Once more on the way out, so that a copy of the stopped store's file alone misses as little as can be.
                if (connection.State == System.Data.ConnectionState.Open) TryLastCheckpoint(checkpoint);
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
