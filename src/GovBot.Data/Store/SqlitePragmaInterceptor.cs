using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace GovBot.Data.Store;

/// <summary>
/// Runs the pragmas every connection needs as soon as EF opens it. WAL survives in the file, but
/// busy_timeout, synchronous and foreign_keys belong to the connection, so a pooled or freshly
/// opened connection would otherwise fall back to SQLite's defaults (no wait on a lock).
/// A pooled connection keeps its native handle and with it the pragmas, so they run once per handle, not per open.
/// </summary>
internal sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    /// <summary>synchronous=FULL: a commit is on disk before the callback answers 200, even across a power cut.</summary>
    public static readonly SqlitePragmaInterceptor Instance = new(StoreSynchronous.Full);

    /// <summary>synchronous=NORMAL, only when Data:Synchronous asks for it: the last commits may vanish on a power cut.</summary>
    public static readonly SqlitePragmaInterceptor Normal = new(StoreSynchronous.Normal);

    public static SqlitePragmaInterceptor For(StoreSynchronous synchronous) =>
        synchronous == StoreSynchronous.Normal ? Normal : Instance;

    /// <summary>
    /// The interceptor a context was configured with, so that a connection GovBot opens itself next to EF's (the group
    /// commit's, the checkpointer's) gets the same durability as EF's own.
    /// </summary>
    public static SqlitePragmaInterceptor Of(Microsoft.EntityFrameworkCore.DbContext db) =>
        Microsoft.EntityFrameworkCore.Infrastructure.AccessorExtensions.GetService<Microsoft.EntityFrameworkCore.Infrastructure.IDbContextOptions>(db)
            .FindExtension<Microsoft.EntityFrameworkCore.Infrastructure.CoreOptionsExtension>()?.Interceptors?
            .OfType<SqlitePragmaInterceptor>().FirstOrDefault() ?? Instance;

    public StoreSynchronous Synchronous { get; }

    public const int BusyTimeoutMs = 5000;

    /// <summary>A log that grew long under a burst is cut back to 64 MB when it starts again, not kept at its longest.</summary>
    public const long JournalSizeLimit = 64L * 1024 * 1024;

    // busy_timeout comes first so that switching to WAL waits for a writer instead of failing at once. Checkpoints are
    // left to StoreCheckpointer: run by SQLite itself, one would stall the commit that happened to fill the WAL.
    // Group commit makes one fsync serve a whole group of callbacks, which is what makes FULL affordable.
    private readonly string _readWritePragmas;

    // A read-only connection (EF probes existence with one) cannot switch the journal mode.
    private static readonly string ReadOnlyPragmas = $"PRAGMA busy_timeout={BusyTimeoutMs}; PRAGMA foreign_keys=ON;";

    private static readonly object Configured = new();
    private readonly ConditionalWeakTable<object, object> _configured = new();

    private SqlitePragmaInterceptor(StoreSynchronous synchronous)
    {
        Synchronous = synchronous;
        var level = synchronous == StoreSynchronous.Normal ? "NORMAL" : "FULL";
        _readWritePragmas =
            $"PRAGMA busy_timeout={BusyTimeoutMs}; PRAGMA journal_mode=WAL; PRAGMA synchronous={level}; PRAGMA foreign_keys=ON; PRAGMA wal_autocheckpoint=0; PRAGMA journal_size_limit={JournalSizeLimit};";
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    // Microsoft.Data.Sqlite runs every command synchronously underneath, so the async path gains nothing by awaiting.
    public override Task ConnectionOpenedAsync(
        DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    /// <summary>Also for a connection opened by GovBot itself rather than by EF (the group commit's own connection).</summary>
    internal void Apply(DbConnection connection)
    {
        if (IsConfigured(connection)) return;
        using var command = connection.CreateCommand();
        command.CommandText = PragmasFor(connection);
        command.ExecuteNonQuery();
        Remember(connection);
    }

    private bool IsConfigured(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } handle } && _configured.TryGetValue(handle, out _);

    private void Remember(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle }) _configured.AddOrUpdate(handle, Configured);
    }

    private string PragmasFor(DbConnection connection) =>
        new SqliteConnectionStringBuilder(connection.ConnectionString).Mode == SqliteOpenMode.ReadOnly
            ? ReadOnlyPragmas
            : _readWritePragmas;
}
