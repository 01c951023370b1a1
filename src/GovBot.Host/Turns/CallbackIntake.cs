using GovBot.Data;
using GovBot.Data.Messaging;
using GovBot.Data.Store;
using GovBot.Host.Telemetry;
using GovBot.Skills.Conversation;
using GovBot.Skills.State;

namespace GovBot.Host.Turns;

/// <summary>
/// Takes a new message in from its callback. When its member has nothing else waiting, the turn runs at once and the
/// row is stored already answered: a turn that only reads (most do: the menu, a list, the next question of a dialog)
/// beside other members' turns, with its row one statement of a commit group; one that writes inside its commit-group
/// piece, row and changes together. No drain, no second transaction. Otherwise (the member has a turn running or a
/// message waiting, or the store refused) the row is stored pending and the caller starts its drain
/// (<see cref="InboxDrain"/>). Either way nothing is answered before the row is committed.
/// </summary>
public sealed partial class CallbackIntake(
    InboxWriter inbox,
    PendingInbox pending,
    IStateStore state,
    PreparedTurns prepared,
    TurnRunner runner,
    TurnCommit commit,
    ILogger<CallbackIntake> log)
{
    public async Task<Intake> TakeInAsync(InboxMessage row, CancellationToken ct)
    {
        if (!prepared.AnswersAtOnce(row)) return new Intake(await inbox.AcceptAsync(row, ct), null);
        // The member's lease keeps their messages in order: held elsewhere, a turn of theirs is running.
        await using var lease = await TurnLease.TakeAsync(state, row.UserId, TimeSpan.Zero, ct);
        if (lease is null || await pending.AnyAsync(row.UserId)) return new Intake(await inbox.AcceptAsync(row, ct), null);
        using var span = GovBotTelemetry.Source.StartActivity("turn");

        var turn = await prepared.PrepareAsync(row, ct);
        if (turn.Precheck.Verdict != RateVerdict.Allowed) return await WaitOutFloodAsync(row, turn.Precheck, ct);
        if (turn.KnownToWrite) return await TakeInWritingAsync(row, turn, lease.Lost, ct);
        TurnResult? read;
        try
        {
            read = await runner.TryReadOnlyAsync(turn, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // The drain runs it again inside a group, where a failure gets the resident the apology.
            LogTakeInFailed(log, ex, row.CorrelationId);
            return await LeaveToDrainAsync(row, turn.Precheck, ct);
        }
        if (read is null) return await TakeInWritingAsync(row, turn, lease.Lost, ct);

        Accepted answered;
        string? passive;
        bool pushed;
        try
        {
            (answered, passive, pushed) = await runner.CommitAsync((db, ct) =>
                commit.InsertAnsweredAsync(db, row, read.Reply, lease.Lost, ct), ct);
        }
        catch (Exception ex) when ((StoreContention.IsBusy(ex) || ex is LeaseLost) && !ct.IsCancellationRequested)
        {
            LogTakeInBusy(log, row.CorrelationId);
            return await LeaveToDrainAsync(row, turn.Precheck, ct);
        }
        // A delivery WeCom repeated after the first was answered: the stored answer stands, this turn never happened.
        if (answered.Duplicate) return new Intake(answered, null);
        await commit.AfterCommitAsync(read, pushed, ct);
        return new Intake(answered, passive ?? "");
    }

    /// <summary>
    /// A turn that writes (filing a report, a booking, a check-in) runs inside one piece of a commit group together
    /// with its row, stored already answered: its changes, row and pushes commit at once, or none of them does.
    /// </summary>
    private async Task<Intake> TakeInWritingAsync(InboxMessage row, PreparedTurn turn, CancellationToken leaseLost, CancellationToken ct)
    {
        TurnResult result;
        Accepted answered;
        string? passive;
        bool pushed;
        try
        {
            (result, answered, passive, pushed) = await runner.RunAndCommitAsync(turn, async (db, result, ct) =>
            {
                var (accepted, passive, pushed) = await commit.InsertAnsweredAsync(db, row, result.Reply, leaseLost, ct);
                // WeCom repeated the delivery while this turn ran, and the repeat is stored pending: its drain runs
                // the turn, so this one is rolled back whole.
                if (accepted.Duplicate) throw new RepeatedDelivery(accepted);
                return (result, accepted, passive, pushed);
            }, ct);
        }
        catch (RepeatedDelivery repeated)
        {
            return new Intake(repeated.Accepted, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            LogTakeInFailed(log, ex, row.CorrelationId);
            return await LeaveToDrainAsync(row, turn.Precheck, ct);
        }
        await commit.AfterCommitAsync(result, pushed, ct);
        return new Intake(answered, passive ?? "");
    }

    /// <summary>
    /// Stores the row pending for its drain, which reuses the turn's precheck: the flood guard has counted the message,
    /// and a turn known to write is not tried read-only again.
    /// </summary>
    private async Task<Intake> LeaveToDrainAsync(InboxMessage row, TurnPrecheck precheck, CancellationToken ct)
    {
        // Whatever a try inside the callback set on the row was rolled back with it.
        (row.Id, row.Status, row.ProcessedAt, row.PassiveReply) = (0, InboxStatus.Pending, null, null);
        var accepted = await inbox.AcceptAsync(row, ct);
        if (!accepted.Duplicate) prepared.Leave(row.Id, precheck);
        return new Intake(accepted, null);
    }

    /// <summary>
    /// A message over the member's limit is stored pending, not handled and not dropped: the sweeper drains it, in
    /// order, once the window has passed. The callback answers with the notice the first time, then with nothing.
    /// </summary>
    private async Task<Intake> WaitOutFloodAsync(InboxMessage row, TurnPrecheck precheck, CancellationToken ct)
    {
        var accepted = await inbox.AcceptAsync(row, ct);
        if (accepted.Duplicate) return new Intake(accepted, null);
        LogFloodWaits(log, row.Id, row.UserId);
        return new Intake(accepted, precheck.Verdict == RateVerdict.NoticeOnce ? ConversationEngine.FloodNotice : "");
    }

    /// <summary>Rolls back a turn run inside its callback whose message turned out to be stored already.</summary>
    private sealed class RepeatedDelivery(Accepted accepted) : Exception("WeCom delivered this message before.")
    {
        public Accepted Accepted { get; } = accepted;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Inbox message {InboxId} of {UserId} is over the member's limit; it waits for the sweeper")]
    private static partial void LogFloodWaits(ILogger logger, long inboxId, string userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Callback {CorrelationId} found the store busy (or lost the member's lease) storing its answer; its turn runs again from the inbox")]
    private static partial void LogTakeInBusy(ILogger logger, string? correlationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Callback {CorrelationId} could not run its turn at once; it runs again from the inbox")]
    private static partial void LogTakeInFailed(ILogger logger, Exception ex, string? correlationId);
}
