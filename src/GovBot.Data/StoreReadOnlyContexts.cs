using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging;

namespace GovBot.Data;

/// <summary>
/// Pooled contexts on read-only connections to the app's store. Work that may only read (a turn tried before it is
/// known to write) runs on them beside other work, outside the write lock; SQLite's WAL lets any number read
/// while one writes. The connections are opened read-only, so a write that slipped past
/// <see cref="GovBotDb.EnsureWritable"/> is refused by SQLite rather than stored outside its commit group.
/// </summary>
public sealed class StoreReadOnlyContexts(IDbContextFactory<GovBotDb> pool, ILoggerFactory logs)
{
    private readonly Lazy<IDbContextFactory<GovBotDb>> _contexts = new(() => Create(pool, logs));

    public GovBotDb CreateDbContext()
    {
        // Every context of this pool is read-only; the flag is set on each rental rather than trusted to survive one.
        var db = _contexts.Value.CreateDbContext();
        db.IsReadOnly = true;
        return db;
    }

    private static PooledDbContextFactory<GovBotDb> Create(IDbContextFactory<GovBotDb> pool, ILoggerFactory logs)
    {
        string connectionString;
        using (var probe = pool.CreateDbContext()) connectionString = probe.Database.GetConnectionString()!;
        var readOnly = new SqliteConnectionStringBuilder(connectionString);
        // An in-memory store has no file to open a second time read-only; its contexts still refuse writes themselves.
        if (readOnly.Mode != SqliteOpenMode.Memory && readOnly.DataSource is not ("" or ":memory:")) readOnly.Mode = SqliteOpenMode.ReadOnly;
        var options = new DbContextOptionsBuilder<GovBotDb>();
        options.UseGovBotSqlite(readOnly.ToString()).UseLoggerFactory(logs);
        return new PooledDbContextFactory<GovBotDb>(options.Options);
    }
}
