using System.Diagnostics;
using GovBot.Data;
using GovBot.Data.Store;
using GovBot.Skills.Conversation;

namespace GovBot.Host.Turns;

/// <summary>
/// Runs a turn in the engine. Most turns only read (the menu, a list, the next question of a dialog): tried on a
/// read-only store, they run beside each other outside the write lock. A turn that writes runs whole inside a piece
/// of a commit group, so that what it read and what it writes are one transaction with its inbox row.
/// </summary>
public sealed class TurnRunner(IServiceScopeFactory scopes, StoreReadOnlyContexts readOnly, StoreGroupCommit writes, TurnMetrics metrics)
{
    /// <summary>The turn on a read-only store; null when it wanted to write, in which case nothing of it happened.</summary>
    public async Task<TurnResult?> TryReadOnlyAsync(PreparedTurn turn, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        services.GetRequiredService<StoreBinding>().BindReadOnly(readOnly);
        try
        {
            var started = Stopwatch.GetTimestamp();
            var result = await services.GetRequiredService<ConversationEngine>().HandleAsync(turn.Message, turn.Precheck, ct);
            // Changes the turn left for its caller to save are writes too.
            if (services.GetRequiredService<GovBotDb>().ChangeTracker.HasChanges()) return null;
            metrics.TurnRan(result, Stopwatch.GetElapsedTime(started));
            return result;
        }
        catch (Exception ex) when (StoreWriteDeferredException.WasCause(ex))
        {
            return null;
        }
    }

    /// <summary>Only <paramref name="commit"/> (the row of a turn already run read-only) inside a piece of a commit group.</summary>
    public Task<T> CommitAsync<T>(Func<GovBotDb, CancellationToken, Task<T>> commit, CancellationToken ct) =>
        writes.RunAsync((services, ct) => commit(services.GetRequiredService<GovBotDb>(), ct), ct);

    /// <summary>The whole turn, then <paramref name="commit"/>, inside one piece of a commit group.</summary>
    public Task<T> RunAndCommitAsync<T>(PreparedTurn turn, Func<GovBotDb, TurnResult, CancellationToken, Task<T>> commit, CancellationToken ct) =>
        writes.RunAsync(async (services, ct) =>
        {
            var started = Stopwatch.GetTimestamp();
            var result = await services.GetRequiredService<ConversationEngine>().HandleAsync(turn.Message, turn.Precheck, ct);
            metrics.TurnRan(result, Stopwatch.GetElapsedTime(started));
            return await commit(services.GetRequiredService<GovBotDb>(), result, ct);
        }, ct);
}
