using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging;

namespace GovBot.Data.Store;

/// <summary>
/// Contexts on read-only connections to the app's store. Work that may only read (a turn tried before it is known to
/// write) runs on them beside other work, outside the write lock; SQLite's WAL lets any number read while one writes.
/// The connections are opened read-only, so a write that slipped past <see cref="GovBotDb.EnsureWritable"/> is refused
/// by SQLite rather than stored outside its commit group. Each connection stays open in a lane with its own pooled
/// contexts, so that the statements compiled on it are kept (<see cref="SqliteStatementCache"/>).
/// On PostgreSQL the contexts come from a pool of their own whose connections make every transaction READ ONLY
/// (<see cref="PostgresStore.ReadOnlyConnectionString"/>); a write is refused with 25006.
/// </summary>
public sealed class StoreReadOnlyContexts(IDbContextFactory<GovBotDb> pool, ILoggerFactory logs) : IDisposable
{
    /// <summary>Idle lanes kept at most; a burst beyond it closes the extra ones as they come back.</summary>
    public const int MaxIdleLanes = 16;

    private readonly Lazy<string> _connectionString = new(() => ReadOnlyConnectionString(pool));
    private readonly Lazy<IDbContextFactory<GovBotDb>?> _postgres = new(() => PostgresContexts(pool, logs));
    private readonly ConcurrentBag<Lane> _idle = [];
    private int _idleCount;
    private bool _disposed;

    public GovBotDb CreateDbContext()
    {
        if (_postgres.Value is { } postgres)
        {
            var readOnly = postgres.CreateDbContext();
            readOnly.IsReadOnly = true;
            return readOnly;
        }
        var lane = Rent();
        var db = lane.Contexts.CreateDbContext();
        // Every context of a lane is read-only; the flag is set on each rental rather than trusted to survive one.
        db.IsReadOnly = true;
        db.Disposed = () => Return(lane);
        return db;
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var lane)) lane.Dispose();
    }

    private Lane Rent()
    {
        while (_idle.TryTake(out var lane))
        {
            Interlocked.Decrement(ref _idleCount);
            if (lane.Connection.State == System.Data.ConnectionState.Open) return lane;
            lane.Dispose();
        }
        return Lane.Open(_connectionString.Value, logs);
    }

    private void Return(Lane lane)
    {
        if (_disposed || Interlocked.Increment(ref _idleCount) > MaxIdleLanes)
        {
            if (!_disposed) Interlocked.Decrement(ref _idleCount);
            lane.Dispose();
            return;
        }
        _idle.Add(lane);
    }

    private static IDbContextFactory<GovBotDb>? PostgresContexts(IDbContextFactory<GovBotDb> pool, ILoggerFactory logs)
    {
        using var probe = pool.CreateDbContext();
        if (!probe.Database.IsPostgres()) return null;
        var options = new DbContextOptionsBuilder<GovBotDb>();
        options.UseGovBotPostgres(PostgresStore.ReadOnlyConnectionString(probe.Database.GetConnectionString()!)).UseLoggerFactory(logs);
        return new PooledDbContextFactory<GovBotDb>(options.Options);
    }

    private static string ReadOnlyConnectionString(IDbContextFactory<GovBotDb> pool)
    {
        string connectionString;
        using (var probe = pool.CreateDbContext()) connectionString = probe.Database.GetConnectionString()!;
        var readOnly = new SqliteConnectionStringBuilder(connectionString);
        // An in-memory store has no file to open a second time read-only; its contexts still refuse writes themselves.
        if (readOnly.Mode != SqliteOpenMode.Memory && readOnly.DataSource is not ("" or ":memory:")) readOnly.Mode = SqliteOpenMode.ReadOnly;
        return readOnly.ToString();
    }

    private sealed record Lane(SqliteConnection Connection, IDbContextFactory<GovBotDb> Contexts) : IDisposable
    {
        public static Lane Open(string connectionString, ILoggerFactory logs)
        {
            var connection = new SqliteConnection(connectionString);
            connection.Open();
            SqlitePragmaInterceptor.Instance.Apply(connection);
            SqliteStatementCache.Instance.Keep(connection);
            var options = new DbContextOptionsBuilder<GovBotDb>()
                .UseSqlite(connection).AddInterceptors(SqliteStatementCache.Instance).UseLoggerFactory(logs).Options;
            return new Lane(connection, new PooledDbContextFactory<GovBotDb>(options, poolSize: 2));
        }

        public void Dispose() => Connection.Dispose();
    }
}
