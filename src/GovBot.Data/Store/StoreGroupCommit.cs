using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GovBot.Data.Store;

/// <summary>
/// Commits the hot writes of many callers (accepted callbacks, turns) together: the work waiting when a group starts
/// runs one piece after another in one SQLite transaction, each piece inside a savepoint of its own, and the group
/// commits once. Under load this turns hundreds of small transactions a second (each writing the same index pages
/// to the WAL again) into a few dozen, and the write lock passes between groups rather than between pieces.
/// A caller's task finishes only after its group has committed, so nothing it was told is lost by a crash; a piece
/// that throws is rolled back to its savepoint alone and its caller gets the exception, the others commit.
/// On PostgreSQL, which has no single write lock to pass around, each piece is a transaction of its own on a pooled
/// connection (<see cref="RunAloneAsync{T}"/>): the same contract, without the grouping.
/// </summary>
public sealed partial class StoreGroupCommit(
    IServiceScopeFactory scopes, IDbContextFactory<GovBotDb> pool, StoreWriteGate gate, ILoggerFactory logs, ILogger<StoreGroupCommit> log) : IAsyncDisposable, IDisposable
{
    /// <summary>Pieces per group at most, so that the first in a long queue is not kept waiting for the last.</summary>
    public const int MaxGroup = 32;

    private const string Savepoint = "piece";
    private static readonly AsyncLocal<bool> InsideGroup = new();

    private readonly Lock _sync = new();
    private readonly Queue<Piece> _queue = new();
    private bool _running;
    private SqliteConnection? _connection;
    private bool? _postgres;
    /// <summary>Contexts on the group's connection, pooled like the app's own: made afresh, they took 8 % of a loaded host.</summary>
    private IDbContextFactory<GovBotDb>? _contexts;

    /// <summary>
    /// Runs <paramref name="work"/> in a scope of its own whose <see cref="GovBotDb"/> writes into the next group; the
    /// work saves its changes itself. Completes after the group commits, with the work's result or its exception.
    /// </summary>
    public Task<T> RunAsync<T>(Func<IServiceProvider, CancellationToken, Task<T>> work, CancellationToken ct)
    {
        // The group runs one piece at a time: a piece waiting on another group would wait forever.
        if (InsideGroup.Value) throw new InvalidOperationException("A commit-group piece cannot start another.");
        if (_postgres ??= IsPostgres()) return RunAloneAsync(work, ct);
        var piece = new Piece<T>(work, ct);
        bool start;
        lock (_sync)
        {
            _queue.Enqueue(piece);
            start = !_running;
            _running = true;
        }
        if (start)
        {
            // The runner serves every caller, so it must not carry this one's request, trace or log scope;
            // each piece runs in the context of its own caller instead (see Piece.RunAsync).
            using (ExecutionContext.SuppressFlow()) _ = Task.Run(RunGroupsAsync, CancellationToken.None);
        }
        return piece.Result;
    }

    private bool IsPostgres()
    {
        using var probe = pool.CreateDbContext();
        return probe.Database.IsPostgres();
    }

    /// <summary>
    /// PostgreSQL: the piece in a transaction of its own, committed before the caller hears the result; a piece that
    /// throws is rolled back (the context is disposed with its transaction still open) and the caller gets the exception.
    /// </summary>
    private async Task<T> RunAloneAsync<T>(Func<IServiceProvider, CancellationToken, Task<T>> work, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        await using var scope = scopes.CreateAsyncScope();
        var binding = scope.ServiceProvider.GetRequiredService<StoreBinding>();
        binding.BindOwnTransaction();
        // Set in this async method only: it flows into the work and is gone again for the caller.
        InsideGroup.Value = true;
        var result = await work(scope.ServiceProvider, ct);
        if (binding.Owned?.Database.CurrentTransaction is { } transaction) await transaction.CommitAsync(CancellationToken.None);
        return result;
    }

    private async Task RunGroupsAsync()
    {
        while (true)
        {
            var group = new List<Piece>(MaxGroup);
            lock (_sync)
            {
                while (group.Count < MaxGroup && _queue.TryDequeue(out var piece)) group.Add(piece);
                if (group.Count == 0)
                {
                    _running = false;
                    return;
                }
            }
            using (await gate.EnterAsync(CancellationToken.None))
            {
                try
                {
                    await RunGroupAsync(group);
                }
                catch (Exception ex)
                {
                    // Nothing of the group is known to be stored: every caller hears so (a busy store is retried by them).
                    LogGroupFailed(log, ex, group.Count);
                    ResetConnection();
                    foreach (var piece in group) piece.Abort(ex);
                    continue;
                }
            }
            foreach (var piece in group) piece.Complete();
        }
    }

    private async Task RunGroupAsync(List<Piece> group)
    {
        var (connection, contexts) = Connection();
        await using var transaction = connection.BeginTransaction(deferred: false);
        foreach (var piece in group)
        {
            if (piece.Ct.IsCancellationRequested)
            {
                piece.Fail(new OperationCanceledException(piece.Ct));
                continue;
            }
            transaction.Save(Savepoint);
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<StoreBinding>().Bind(contexts, transaction);
                await piece.RunAsync(scope.ServiceProvider);
                transaction.Release(Savepoint);
            }
            catch (Exception ex)
            {
                // A failure SQLite answered by rolling back the whole transaction takes the savepoint with it;
                // then this throws, and the group fails as a whole.
                transaction.Rollback(Savepoint);
                transaction.Release(Savepoint);
                piece.Fail(ex);
            }
        }
        transaction.Commit();
    }

    private (SqliteConnection, IDbContextFactory<GovBotDb>) Connection()
    {
        if (_connection is { State: System.Data.ConnectionState.Open } open && _contexts is not null) return (open, _contexts);
        ResetConnection();
        string connectionString;
        SqlitePragmaInterceptor pragmas;
        using (var probe = pool.CreateDbContext())
        {
            connectionString = probe.Database.GetConnectionString()!;
            pragmas = SqlitePragmaInterceptor.Of(probe);
        }
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        pragmas.Apply(connection);
        SqliteStatementCache.Instance.Keep(connection);
        // Already open with its pragmas, so no pragma interceptor; the app's logging, so EF's logs from group work show as any other.
        var options = new DbContextOptionsBuilder<GovBotDb>()
            .UseSqlite(connection).AddInterceptors(SqliteStatementCache.Instance).UseLoggerFactory(logs).Options;
        _contexts = new PooledDbContextFactory<GovBotDb>(options, poolSize: 16);
        _connection = connection;
        return (connection, _contexts);
    }

    private void ResetConnection()
    {
        _connection?.Dispose();
        _connection = null;
        _contexts = null;
    }

    public async ValueTask DisposeAsync()
    {
        using (await gate.EnterAsync(CancellationToken.None)) ResetConnection();
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private abstract class Piece(CancellationToken ct)
    {
        /// <summary>The caller's context (trace, log scopes), so the piece's logs and spans belong to its caller.</summary>
        private readonly ExecutionContext? _caller = ExecutionContext.Capture();

        public CancellationToken Ct { get; } = ct;

        public Task RunAsync(IServiceProvider services)
        {
            if (_caller is null) return Start(services);
            Task? started = null;
            ExecutionContext.Run(_caller, _ => started = Start(services), null);
            return started!;
        }

        private Task Start(IServiceProvider services)
        {
            InsideGroup.Value = true;
            return WorkAsync(services);
        }

        protected abstract Task WorkAsync(IServiceProvider services);
        /// <summary>The piece threw and was rolled back; its caller hears so once the group is over.</summary>
        public abstract void Fail(Exception ex);
        /// <summary>The group committed: hand the caller its result, or the failure of its piece.</summary>
        public abstract void Complete();
        /// <summary>The group as a whole was not stored.</summary>
        public abstract void Abort(Exception ex);
    }

    private sealed class Piece<T>(Func<IServiceProvider, CancellationToken, Task<T>> work, CancellationToken ct) : Piece(ct)
    {
        private readonly TaskCompletionSource<T> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _value;
        private Exception? _error;

        public Task<T> Result => _result.Task;

        protected override async Task WorkAsync(IServiceProvider services) => _value = await work(services, Ct);

        public override void Fail(Exception ex) => _error = ex;

        public override void Complete()
        {
            if (_error is null) _result.TrySetResult(_value!);
            else Abort(_error);
        }

        public override void Abort(Exception ex)
        {
            if (ex is OperationCanceledException && Ct.IsCancellationRequested) _result.TrySetCanceled(Ct);
            else _result.TrySetException(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A commit group of {Pieces} pieces failed; none of it was stored")]
    private static partial void LogGroupFailed(ILogger logger, Exception ex, int pieces);
}
