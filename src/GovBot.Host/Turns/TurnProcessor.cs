using System.Collections.Concurrent;
using GovBot.Data;
using GovBot.Data.Messaging;
using GovBot.Skills.Conversation;
using GovBot.Skills.State;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Host.Turns;

/// <summary>
/// Handles the stored messages of one user, oldest first, one at a time across every host instance
/// (a lease per user in the shared state store). Each turn's store changes, its inbox row and the pushes
/// it causes are committed together; the dialog moves on only after that commit. A turn is first tried
/// read-only, beside other users' turns, and runs inside a commit group only once it turns out to write.
/// A message whose member has nothing else waiting is tried inside its callback (<see cref="TakeInAsync"/>).
/// </summary>
public sealed partial class TurnProcessor(
    IServiceScopeFactory scopes,
    InboxWriter inbox,
    IStateStore state,
    PassiveReplyWaiters waiters,
    IInboundReader reader,
    DialogStore dialogs,
    IOutboxSignal outbox,
    TurnOpener opener,
    StoreGroupCommit writes,
    StoreReadOnlyContexts readOnly,
    TimeProvider time,
    ILogger<TurnProcessor> log)
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LeaseWait = TimeSpan.FromSeconds(10);
    /// <summary>Rows read at once; a user rarely has more than one or two waiting.</summary>
    private const int Batch = 8;
    /// <summary>Tries of a turn the store refused as busy before the resident gets the apology.</summary>
    private const int BusyAttempts = 3;
    // Read on every drain; compiled once, it skips EF's per-call look at the expression tree.
    private static readonly ModelQuery<Func<GovBotDb, string, IAsyncEnumerable<InboxMessage>>> Pending = new(() => EF.CompileAsyncQuery(
        (GovBotDb db, string userId) => db.Inbox.AsNoTracking()
            .Where(m => m.UserId == userId && m.Status == InboxStatus.Pending)
            .OrderBy(m => m.Id).Take(Batch)));
    private const string Apology = "抱歉，系统开了个小差，这条消息没办成。请稍后再发一次，或回复「菜单」。";
    private static readonly ModelQuery<Func<GovBotDb, string, Task<bool>>> AnyPending = new(() => EF.CompileAsyncQuery(
        (GovBotDb db, string userId) => db.Inbox.Any(m => m.UserId == userId && m.Status == InboxStatus.Pending)));
    /// <summary>More than this many opened turns not yet drained means drains happen elsewhere: forget them.</summary>
    private const int MaxOpened = 10_000;

    /// <summary>
    /// Turns opened inside their callback and left to their drain (known to write, or refused there), by inbox id:
    /// their drain neither counts the message against the flood guard again nor tries it read-only a second time.
    /// </summary>
    private readonly ConcurrentDictionary<long, TurnStart> _opened = new();

    /// <summary>
    /// Takes a new message in. When its member has nothing else waiting, the turn runs at once and the row is stored
    /// already answered: a turn that only reads (most do: the menu, a list, the next question of a dialog) beside
    /// other members' turns, with its row one statement of a commit group; one that writes inside its commit-group
    /// piece, row and changes together. No drain, no second transaction. Otherwise (the member has a turn running or
    /// a message waiting, or the store refused) the row is stored pending and the caller starts a drain as before.
    /// Either way nothing is answered before the row is committed.
    /// </summary>
    public async Task<Intake> TakeInAsync(InboxMessage row, CancellationToken ct)
    {
        if (!opener.AnswersAtOnce) return new Intake(await inbox.AcceptAsync(row, ct), null);
        // The member's lease keeps their messages in order: held elsewhere, a turn of theirs is running.
        await using var lease = await state.AcquireRenewedLockAsync("turn:" + row.UserId, Lease, TimeSpan.Zero, ct);
        if (lease is null || await HasPendingAsync(row.UserId)) return new Intake(await inbox.AcceptAsync(row, ct), null);

        var message = reader.Read(row) with { CorrelationId = row.CorrelationId };
        var start = await opener.BeginAsync(message, ct);
        if (start.Verdict != RateVerdict.Allowed) return await WaitOutFloodAsync(row, start, ct);
        if (start.SurelyWrites) return await TakeInWritingAsync(row, message, start, lease.Lost, ct);
        TurnResult? read;
        try
        {
            read = await TryReadOnlyAsync(message, start, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // The drain runs it again inside a group, where a failure gets the resident the apology.
            LogTakeInFailed(log, ex, row.CorrelationId);
            return await LeaveToDrainAsync(row, start, ct);
        }
        if (read is null) return await TakeInWritingAsync(row, message, start, lease.Lost, ct);

        Accepted answered;
        string? passive;
        bool pushed;
        try
        {
            (answered, passive, pushed) = await writes.RunAsync((services, ct) =>
                StoreAnsweredAsync(services.GetRequiredService<GovBotDb>(), row, read.Reply, lease.Lost, ct), ct);
        }
        catch (Exception ex) when ((StoreContention.IsBusy(ex) || ex is LeaseLost) && !ct.IsCancellationRequested)
        {
            LogTakeInBusy(log, row.CorrelationId);
            return await LeaveToDrainAsync(row, start, ct);
        }
        // A delivery WeCom repeated after the first was answered: the stored answer stands, this turn never happened.
        if (answered.Duplicate) return new Intake(answered, null);
        await read.ApplyDialogAsync(dialogs, ct);
        if (pushed) outbox.Signal();
        return new Intake(answered, passive ?? "");
    }

    /// <summary>
    /// A turn that writes (filing a report, a booking, a check-in) runs inside one piece of a commit group together
    /// with its row, stored already answered: its changes, row and pushes commit at once, or none of them does.
    /// </summary>
    private async Task<Intake> TakeInWritingAsync(InboxMessage row, IncomingMessage message, TurnStart start, CancellationToken leaseLost, CancellationToken ct)
    {
        TurnResult result;
        Accepted answered;
        string? passive;
        bool pushed;
        try
        {
            (result, answered, passive, pushed) = await writes.RunAsync(async (services, ct) =>
            {
                var turn = await services.GetRequiredService<ConversationEngine>().HandleAsync(message, start, ct);
                var db = services.GetRequiredService<GovBotDb>();
                var (accepted, passive, pushed) = await StoreAnsweredAsync(db, row, turn.Reply, leaseLost, ct);
                // WeCom repeated the delivery while this turn ran, and the repeat is stored pending: its drain runs
                // the turn, so this one is rolled back whole.
                if (accepted.Duplicate) throw new RepeatedDelivery(accepted);
                return (turn, accepted, passive, pushed);
            }, ct);
        }
        catch (RepeatedDelivery repeated)
        {
            return new Intake(repeated.Accepted, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            LogTakeInFailed(log, ex, row.CorrelationId);
            return await LeaveToDrainAsync(row, start, ct);
        }
        await result.ApplyDialogAsync(dialogs, ct);
        if (pushed) outbox.Signal();
        return new Intake(answered, passive ?? "");
    }

    /// <summary>
    /// Stores the row pending for its drain, which reuses the turn's opening: the flood guard has counted the message,
    /// and a turn known to write is not tried read-only again.
    /// </summary>
    private async Task<Intake> LeaveToDrainAsync(InboxMessage row, TurnStart start, CancellationToken ct)
    {
        // Whatever a try inside the callback set on the row was rolled back with it.
        (row.Id, row.Status, row.ProcessedAt, row.PassiveReply) = (0, InboxStatus.Pending, null, null);
        var accepted = await inbox.AcceptAsync(row, ct);
        if (!accepted.Duplicate && _opened.Count < MaxOpened) _opened[row.Id] = start;
        return new Intake(accepted, null);
    }

    /// <summary>
    /// A message over the member's limit is stored pending, not handled and not dropped: the sweeper drains it, in
    /// order, once the window has passed. The callback answers with the notice the first time, then with nothing.
    /// </summary>
    private async Task<Intake> WaitOutFloodAsync(InboxMessage row, TurnStart start, CancellationToken ct)
    {
        var accepted = await inbox.AcceptAsync(row, ct);
        if (accepted.Duplicate) return new Intake(accepted, null);
        LogFloodWaits(log, row.Id, row.UserId);
        return new Intake(accepted, start.Verdict == RateVerdict.NoticeOnce ? ConversationEngine.FloodNotice : "");
    }

    private async Task<bool> HasPendingAsync(string userId)
    {
        // Asked on every message: a read-only context of its own, without a service scope around it.
        await using var db = readOnly.CreateDbContext();
        return await AnyPending.For(db)(db, userId);
    }

    /// <summary>
    /// The row of a turn answered inside its callback: done, with its passive answer, in one insert; then whatever the
    /// turn left for its caller to save (a newcomer's row, a card's update), unless WeCom had delivered it before.
    /// </summary>
    private async Task<(Accepted, string? Passive, bool Pushed)> StoreAnsweredAsync(
        GovBotDb db, InboxMessage row, Reply reply, CancellationToken leaseLost, CancellationToken ct)
    {
        row.Status = InboxStatus.Done;
        row.ProcessedAt = time.GetUtcNow();
        row.PassiveReply = PassiveReply.Fits(reply) ? reply.ToPlainText() : null;
        var accepted = await InboxWriter.InsertAsync(db, row, ct);
        if (accepted.Duplicate) return (accepted, null, false);
        if (row.PassiveReply is null && !reply.IsEmpty) await EnqueueReplyAsync(db, row, reply, ct);
        LeaseLost.ThrowIf(leaseLost);
        await db.SaveChangesAsync(ct);
        // A reply answered passively may still have pushed to others (the grid worker's card).
        return (accepted, row.PassiveReply, db.Outbox.Local.Count > 0);
    }

    /// <summary>Processes every pending message of the user; returns false when another worker holds the user.</summary>
    public async Task<bool> DrainAsync(string userId, CancellationToken ct)
    {
        await using var lease = await state.AcquireRenewedLockAsync("turn:" + userId, Lease, LeaseWait, ct);
        if (lease is null) return false;

        // Every accepted message starts a drain of its own, so the rows pending now are all this drain owes:
        // one stored later is taken by its own drain (or the sweeper), and no second look is needed.
        List<InboxMessage> pending;
        do
        {
            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<GovBotDb>();
                pending = await Pending.For(db)(db, userId).ToListAsync(ct);
            }
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
        while (pending.Count == Batch);
        return true;
    }

    /// <summary>Runs the row's turn; false when the member is over the limit, and the row was left pending untouched.</summary>
    private async Task<bool> ProcessAsync(InboxMessage row, CancellationToken leaseLost, CancellationToken ct)
    {
        var waiter = waiters.Find(row.Id);
        TurnResult? result = null;
        string? passive = null;
        var pushed = false;
        try
        {
            var message = reader.Read(row) with { CorrelationId = row.CorrelationId };
            // Outside the store's write lock: a language model may take seconds to read the message.
            var start = _opened.TryRemove(row.Id, out var opened) ? opened : await opener.BeginAsync(message, ct);
            if (start.Verdict != RateVerdict.Allowed)
            {
                LogFloodWaits(log, row.Id, row.UserId);
                // Claimed, so that the turn that finally runs pushes its reply instead of looking for this callback.
                if (waiter is not null && waiter.TryClaim())
                    passive = start.Verdict == RateVerdict.NoticeOnce ? ConversationEngine.FloodNotice : null;
                return false;
            }
            var knownToWrite = opened is not null || start.SurelyWrites;

            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    (result, passive, pushed) = await RunTurnAsync(row, message, start, waiter, knownToWrite, leaseLost, ct);
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
            (passive, pushed) = await RecordFailureAsync(row, ex, waiter, CancellationToken.None);
        }
        finally
        {
            // A claimed waiter must always be released, or its callback would hang until WeCom gives up.
            waiter?.Complete(passive);
        }

        if (result is not null) await result.ApplyDialogAsync(dialogs, ct);
        if (pushed) outbox.Signal();
        return true;
    }

    private async Task<(TurnResult Result, string? Passive, bool Pushed)> RunTurnAsync(
        InboxMessage row, IncomingMessage message, TurnStart start, PassiveReplyWaiters.Waiter? waiter, bool knownToWrite,
        CancellationToken leaseLost, CancellationToken ct)
    {
        // Most turns only read (the menu, a list, the next question of a dialog): they run beside each other outside
        // the write lock, and only their inbox row and reply join a commit group. One known to write goes straight in.
        if (!knownToWrite && await TryReadOnlyAsync(message, start, ct) is { } read)
            return await writes.RunAsync((services, ct) => CompleteAsync(services.GetRequiredService<GovBotDb>(), row, read, waiter, leaseLost, ct), ct);

        // A turn that writes runs again, whole, inside a group: what it read and what it writes are one transaction,
        // and its store changes, inbox row and pushes commit together with other members' turns.
        return await writes.RunAsync(async (services, ct) =>
        {
            var result = await services.GetRequiredService<ConversationEngine>().HandleAsync(message, start, ct);
            return await CompleteAsync(services.GetRequiredService<GovBotDb>(), row, result, waiter, leaseLost, ct);
        }, ct);
    }

    /// <summary>The turn on a read-only store; null when it wanted to write, in which case nothing of it happened.</summary>
    private async Task<TurnResult?> TryReadOnlyAsync(IncomingMessage message, TurnStart start, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        services.GetRequiredService<StoreBinding>().BindReadOnly(readOnly);
        try
        {
            var result = await services.GetRequiredService<ConversationEngine>().HandleAsync(message, start, ct);
            // Changes the turn left for its caller to save are writes too.
            return services.GetRequiredService<GovBotDb>().ChangeTracker.HasChanges() ? null : result;
        }
        catch (Exception ex) when (StoreWriteDeferredException.WasCause(ex))
        {
            return null;
        }
    }

    private async Task<(TurnResult Result, string? Passive, bool Pushed)> CompleteAsync(
        GovBotDb db, InboxMessage row, TurnResult result, PassiveReplyWaiters.Waiter? waiter, CancellationToken leaseLost, CancellationToken ct)
    {
        // Back to the row as stored, in case a try the store refused changed it, so that the change is seen.
        row.Status = InboxStatus.Pending;
        row.PassiveReply = null;
        db.Attach(row);
        row.Status = InboxStatus.Done;
        row.ProcessedAt = time.GetUtcNow();
        var (passive, pushed) = await DeliverAsync(db, row, result.Reply, waiter, ct);
        // A reply answered passively may still have pushed to others (the grid worker's card).
        pushed |= db.Outbox.Local.Count > 0;
        LeaseLost.ThrowIf(leaseLost);
        await db.SaveChangesAsync(ct);
        return (result, passive, pushed);
    }

    /// <summary>Plain text goes back inside the callback's answer when it is still waiting; anything else is pushed.</summary>
    private async Task<(string? Passive, bool Pushed)> DeliverAsync(
        GovBotDb db, InboxMessage row, Reply reply, PassiveReplyWaiters.Waiter? waiter, CancellationToken ct)
    {
        if (reply.IsEmpty) return (null, false);
        if (PassiveReply.Fits(reply) && waiter is not null && waiter.TryClaim())
        {
            row.PassiveReply = reply.ToPlainText();
            return (row.PassiveReply, false);
        }
        await EnqueueReplyAsync(db, row, reply, ct);
        return (null, true);
    }

    private async Task EnqueueReplyAsync(GovBotDb db, InboxMessage row, Reply reply, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        // Pushed replies keep their inbox id as source, so a turn retried after a failed commit cannot push twice.
        for (var i = 0; i < reply.Parts.Count; i++)
        {
            var push = new OutboxPush(reply.Parts[i], [row.UserId])
            {
                SourceKey = $"reply:{row.Id}:{i}",
                InboxMessageId = row.Id,
                CorrelationId = row.CorrelationId,
            };
            await db.EnqueuePushAsync(push, now, ct);
        }
    }

    private async Task<(string?, bool)> RecordFailureAsync(InboxMessage row, Exception ex, PassiveReplyWaiters.Waiter? waiter, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GovBotDb>();
        var stored = await db.Inbox.FirstAsync(m => m.Id == row.Id, ct);
        // Someone may have finished it meanwhile (a second instance after our lease ran out): leave it be.
        if (stored.Status != InboxStatus.Pending) return (null, false);
        stored.Status = InboxStatus.Failed;
        stored.Attempts++;
        stored.ProcessedAt = time.GetUtcNow();
        stored.Error = ex.GetType().Name + ": " + ex.Message;
        var result = await DeliverAsync(db, stored, Reply.Text(Apology), waiter, ct);
        await db.SaveChangesAsync(ct);
        return result;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Inbox message {InboxId} of {UserId} is over the member's limit; it waits for the sweeper")]
    private static partial void LogFloodWaits(ILogger logger, long inboxId, string userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Callback {CorrelationId} found the store busy (or lost the member's lease) storing its answer; its turn runs again from the inbox")]
    private static partial void LogTakeInBusy(ILogger logger, string? correlationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Callback {CorrelationId} could not run its turn at once; it runs again from the inbox")]
    private static partial void LogTakeInFailed(ILogger logger, Exception ex, string? correlationId);

    /// <summary>Rolls back a turn run inside its callback whose message turned out to be stored already.</summary>
    private sealed class RepeatedDelivery(Accepted accepted) : Exception("WeCom delivered this message before.")
    {
        public Accepted Accepted { get; } = accepted;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Turn for inbox message {InboxId} found the store busy (try {Attempt}); running it again")]
    private static partial void LogTurnBusy(ILogger logger, long inboxId, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Turn for inbox message {InboxId} ({CorrelationId}) failed; the user got an apology")]
    private static partial void LogTurnFailed(ILogger logger, Exception ex, long inboxId, string? correlationId);
}
