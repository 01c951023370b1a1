using GovBot.Data;
using GovBot.Data.Messaging;
using GovBot.Host.Telemetry;
using GovBot.Skills.Conversation;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Host.Turns;

/// <summary>
/// The one step that finishes an inbox row, for both paths (inside the callback, and the drain): the row done with its
/// passive answer or its pushes in the outbox, checked against the member's lease just before the store's changes
/// commit together. The store fences what slips between that check and the commit: a new row is inserted once per
/// delivery, and a pending row completes only while it is still pending (<c>Inbox.Status</c> is a concurrency check).
/// The dialog moves on, and the outbox is woken, only after the commit (<see cref="AfterCommitAsync"/>).
/// </summary>
public sealed class TurnCommit(IServiceScopeFactory scopes, DialogStore dialogs, IOutboxSignal outbox, TimeProvider time, TurnMetrics metrics)
{
    private const string Apology = "抱歉，系统开了个小差，这条消息没办成。请稍后再发一次，或回复「菜单」。";

    /// <summary>
    /// The row of a turn answered inside its callback: done, with its passive answer, in one insert; then whatever the
    /// turn left for its caller to save (a newcomer's row, a card's update), unless WeCom had delivered it before.
    /// </summary>
    public async Task<(Accepted Accepted, string? Passive, bool Pushed)> InsertAnsweredAsync(
        GovBotDb db, InboxMessage row, Reply reply, CancellationToken leaseLost, CancellationToken ct)
    {
        using var span = GovBotTelemetry.Source.StartActivity("store.commit");
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

    /// <summary>A pending row done by its drain; its reply goes back inside the callback when it still waits.</summary>
    public async Task<(string? Passive, bool Pushed)> CompletePendingAsync(
        GovBotDb db, InboxMessage row, Reply reply, PassiveReplyWaiters.Waiter? waiter, CancellationToken leaseLost, CancellationToken ct)
    {
        using var span = GovBotTelemetry.Source.StartActivity("store.commit");
        // Back to the row as stored, in case a try the store refused changed it, so that the change is seen.
        row.Status = InboxStatus.Pending;
        row.PassiveReply = null;
        db.Attach(row);
        row.Status = InboxStatus.Done;
        row.ProcessedAt = time.GetUtcNow();
        var (passive, pushed) = await DeliverAsync(db, row, reply, waiter, ct);
        // A reply answered passively may still have pushed to others (the grid worker's card).
        pushed |= db.Outbox.Local.Count > 0;
        LeaseLost.ThrowIf(leaseLost);
        await db.SaveChangesAsync(ct);
        return (passive, pushed);
    }

    /// <summary>A pending row whose turn failed: marked failed, and the resident gets the apology.</summary>
    public async Task<(string? Passive, bool Pushed)> RecordFailureAsync(
        InboxMessage row, Exception ex, PassiveReplyWaiters.Waiter? waiter, CancellationToken ct)
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

    /// <summary>Once committed: the dialog moves on, and the outbox is woken for what the turn pushed.</summary>
    public async Task AfterCommitAsync(TurnResult? result, bool pushed, CancellationToken ct)
    {
        if (result is not null)
        {
            metrics.MessageHandled(result);
            await result.ApplyDialogAsync(dialogs, ct);
        }
        if (pushed) outbox.Signal();
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
                TraceContext = GovBotTelemetry.CurrentContext() ?? row.TraceContext,
            };
            await db.EnqueuePushAsync(push, now, ct);
        }
    }
}
