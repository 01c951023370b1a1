using GovBot.Data;
using GovBot.Data.Messaging;
using GovBot.Data.Store;
using GovBot.Host.Telemetry;
using GovBot.Skills.Conversation;
using GovBot.Skills.State;

namespace GovBot.Host.Turns;

/// <summary>
/// Runs the stored messages of one member, oldest first, one at a time across every host instance (the member's
/// <see cref="TurnLease"/>). Each turn's store changes, its inbox row and the pushes it causes are committed together
/// (<see cref="TurnCommit"/>); the dialog moves on only after that commit. A turn is first tried read-only, beside
/// other members' turns, and runs inside a commit group only once it turns out to write. Started for a message its
/// callback stored pending (<see cref="DrainLauncher"/>), and by the sweeper for what was left behind.
/// </summary>
public sealed partial class InboxDrain(
    IStateStore state,
    PendingInbox inbox,
    PassiveReplyWaiters waiters,
    PreparedTurns prepared,
    TurnRunner runner,
    TurnCommit commit,
    TimeProvider time,
    ILogger<InboxDrain> log)
{
    private static readonly TimeSpan LeaseWait = TimeSpan.FromSeconds(10);
    /// <summary>Tries of a turn the store refused as busy before the resident gets the apology.</summary>
    private const int BusyAttempts = 3;

    /// <summary>Processes every pending message of the user; returns false when another worker holds the user.</summary>
    public async Task<bool> DrainAsync(string userId, CancellationToken ct)
    {
        await using var lease = await TurnLease.TakeAsync(state, userId, LeaseWait, ct);
        if (lease is null) return false;

        // Every accepted message starts a drain of its own, so the rows pending now are all this drain owes:
        // one stored later is taken by its own drain (or the sweeper), and no second look is needed.
        List<InboxMessage> pending;
        do
        {
            pending = await inbox.NextAsync(userId, ct);
            for (var i = 0; i < pending.Count; i++)
            {
                ct.ThrowIfCancellationRequested();
                if (await ProcessAsync(pending[i], lease.Lost, ct)) continue;
                // Over the member's limit: this row and every later one wait, in order, for the sweeper; their
                // callbacks answer now rather than at the end of their budget.
                foreach (var later in pending.Skip(i + 1))
                    if (waiters.Find(later.Id) is { } waiting && waiting.TryClaim()) waiting.Complete(null);
                return true;
            }
        }
        while (pending.Count == PendingInbox.Batch);
        return true;
    }

    /// <summary>Runs the row's turn; false when the member is over the limit, and the row was left pending untouched.</summary>
    private async Task<bool> ProcessAsync(InboxMessage row, CancellationToken leaseLost, CancellationToken ct)
    {
        // Run after its callback returned, perhaps on another host: the row's stored context keeps the message's trace.
        using var span = GovBotTelemetry.StartFrom("turn", row.TraceContext);
        span?.SetTag("govbot.inbox.id", row.Id);
        var waiter = waiters.Find(row.Id);
        TurnResult? result = null;
        string? passive = null;
        var pushed = false;
        try
        {
            // Outside the store's write lock: a language model may take seconds to read the message.
            var turn = await prepared.PrepareForDrainAsync(row, ct);
            if (turn.Precheck.Verdict != RateVerdict.Allowed)
            {
                LogFloodWaits(log, row.Id, row.UserId);
                // Claimed, so that the turn that finally runs pushes its reply instead of looking for this callback.
                if (waiter is not null && waiter.TryClaim())
                    passive = turn.Precheck.Verdict == RateVerdict.NoticeOnce ? ConversationEngine.FloodNotice : null;
                return false;
            }

            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    (result, passive, pushed) = await RunTurnAsync(row, turn, waiter, leaseLost, ct);
                    break;
                }
                catch (Exception ex) when (attempt < BusyAttempts && StoreContention.IsBusy(ex) && !ct.IsCancellationRequested)
                {
                    // The whole turn was rolled back: run it again on a fresh scope rather than apologise.
                    LogTurnBusy(log, row.Id, attempt);
                    await Task.Delay(TimeSpan.FromMilliseconds(50 * attempt), time, ct);
                }
            }
        }
        catch (LeaseLost)
        {
            // Another host has the member now and runs this row (and the later ones) itself: stop, change nothing.
            LeaseLost.Log(log, row.Id, row.UserId);
            return false;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            LogTurnFailed(log, ex, row.Id, row.CorrelationId);
            result = null;
            (passive, pushed) = await commit.RecordFailureAsync(row, ex, waiter, CancellationToken.None);
        }
        finally
        {
            // A claimed waiter must always be released, or its callback would hang until WeCom gives up.
            waiter?.Complete(passive);
        }

        await commit.AfterCommitAsync(result, pushed, ct);
        return true;
    }

    private async Task<(TurnResult Result, string? Passive, bool Pushed)> RunTurnAsync(
        InboxMessage row, PreparedTurn turn, PassiveReplyWaiters.Waiter? waiter, CancellationToken leaseLost, CancellationToken ct)
    {
        // A turn that only reads joins a commit group with just its inbox row and reply. One known to write, or found
        // to write, runs again, whole, inside a group, its store changes, inbox row and pushes committing together.
        if (!turn.KnownToWrite && await runner.TryReadOnlyAsync(turn, ct) is { } read)
            return await runner.CommitAsync((db, ct) => CompleteAsync(db, row, read, waiter, leaseLost, ct), ct);
        return await runner.RunAndCommitAsync(turn, (db, result, ct) => CompleteAsync(db, row, result, waiter, leaseLost, ct), ct);
    }

    private async Task<(TurnResult Result, string? Passive, bool Pushed)> CompleteAsync(
        GovBotDb db, InboxMessage row, TurnResult result, PassiveReplyWaiters.Waiter? waiter, CancellationToken leaseLost, CancellationToken ct)
    {
        var (passive, pushed) = await commit.CompletePendingAsync(db, row, result.Reply, waiter, leaseLost, ct);
        return (result, passive, pushed);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Inbox message {InboxId} of {UserId} is over the member's limit; it waits for the sweeper")]
    private static partial void LogFloodWaits(ILogger logger, long inboxId, string userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Turn for inbox message {InboxId} found the store busy (try {Attempt}); running it again")]
    private static partial void LogTurnBusy(ILogger logger, long inboxId, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Turn for inbox message {InboxId} ({CorrelationId}) failed; the user got an apology")]
    private static partial void LogTurnFailed(ILogger logger, Exception ex, long inboxId, string? correlationId);
}
