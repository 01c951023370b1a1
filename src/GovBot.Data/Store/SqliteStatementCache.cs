using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace GovBot.Data.Store;

/// <summary>
/// Reuses SQLite's compiled statements on the connections GovBot keeps open (the commit group's, the read-only lanes).
/// Microsoft.Data.Sqlite compiles a command's SQL afresh for every new command object, and EF makes one per query;
/// under load, parsing and planning the same few dozen statements took a tenth of the host's CPU. Here EF still builds
/// its command, but the statement runs on a command kept per connection and SQL text, which SQLite compiled once.
/// Connections not kept (EF opens and closes those per query, which disposes their statements anyway) run as usual.
/// </summary>
internal sealed class SqliteStatementCache : DbCommandInterceptor
{
    public static readonly SqliteStatementCache Instance = new();

    /// <summary>Distinct statements kept per connection; the oldest makes room beyond it (a statement costs some kB).</summary>
    public const int Capacity = 128;

    private readonly ConditionalWeakTable<SqliteConnection, Statements> _kept = new();

    private SqliteStatementCache()
    {
    }

    /// <summary>The connection stays open for its lifetime: its statements are worth keeping.</summary>
    public void Keep(SqliteConnection connection) => _kept.AddOrUpdate(connection, new Statements());

    /// <summary>How many statements are kept for the connection (for tests).</summary>
    public int CountFor(SqliteConnection connection) => _kept.TryGetValue(connection, out var statements) ? statements.Count : 0;

    /// <summary>
    /// A kept command for the text, ready to run with <paramref name="bind"/>'s parameters; null when the connection is
    /// not kept or the command is busy (a reader of the same statement still open), and the caller runs its own.
    /// </summary>
    public SqliteCommand? Rent(SqliteConnection connection, string sql, SqliteTransaction? transaction)
    {
        if (!_kept.TryGetValue(connection, out var statements) || connection.State != System.Data.ConnectionState.Open) return null;
        var command = statements.Get(connection, sql);
        if (command is null) return null;
        command.Parameters.Clear();
        command.Transaction = transaction;
        return command;
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        Take(command) is { } kept ? InterceptionResult<DbDataReader>.SuppressWithResult(kept.ExecuteReader()) : result;

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(ReaderExecuting(command, eventData, result));

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
        Take(command) is { } kept ? InterceptionResult<int>.SuppressWithResult(kept.ExecuteNonQuery()) : result;

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(NonQueryExecuting(command, eventData, result));

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) =>
        Take(command) is { } kept ? InterceptionResult<object>.SuppressWithResult(kept.ExecuteScalar()!) : result;

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(ScalarExecuting(command, eventData, result));

    /// <summary>The kept command for EF's, carrying EF's parameters; EF disposes its own, never run.</summary>
    private SqliteCommand? Take(DbCommand command)
    {
        if (command is not SqliteCommand { Connection: { } connection } own) return null;
        var kept = Rent(connection, own.CommandText, own.Transaction);
        if (kept is null) return null;
        kept.CommandTimeout = own.CommandTimeout;
        foreach (SqliteParameter parameter in own.Parameters) kept.Parameters.Add(parameter);
        return kept;
    }

    private sealed class Statements
    {
        private readonly Dictionary<string, KeptCommand> _bySql = new(StringComparer.Ordinal);
        private readonly Queue<string> _age = new();

        public int Count => _bySql.Count;

        /// <remarks>A connection is used by one caller at a time, so no lock; a command whose reader is open is not lent twice.</remarks>
        public SqliteCommand? Get(SqliteConnection connection, string sql)
        {
            if (_bySql.TryGetValue(sql, out var command)) return command.Busy ? null : command;
            // A busy one is left to the collector rather than pulled from under its reader.
            if (_bySql.Count >= Capacity && _age.TryDequeue(out var oldest) && _bySql.Remove(oldest, out var evicted) && !evicted.Busy)
                evicted.Dispose();
            command = new KeptCommand { Connection = connection, CommandText = sql };
            _bySql[sql] = command;
            _age.Enqueue(sql);
            return command;
        }
    }

    /// <summary>Says whether a reader of its statement is still open, which Microsoft.Data.Sqlite keeps to itself.</summary>
    private sealed class KeptCommand : SqliteCommand
    {
        public bool Busy => DataReader is not null;
    }
}
