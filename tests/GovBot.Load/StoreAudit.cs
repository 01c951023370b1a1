using GovBot.Data;
using GovBot.Data.Messaging;
using GovBot.Data.Store;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Load;

/// <summary>What the store says after a run: every message handled, answered once, every push sent once, every report one row.</summary>
public sealed record AuditResult(
    int InboxRows, int InboxPending, int InboxFailed, int AcceptedButLost, int AnsweredTwice, int NotAnswered,
    int OutboxPending, int OutboxFailed, int PushesSentTwice, int Reports)
{
    /// <summary>
    /// Every message the host answered 200 is in the inbox, and nothing is there that was never sent; a message
    /// cut off by a kill may be in the inbox without its 200 having arrived, so accepted ≤ rows ≤ sent.
    /// </summary>
    public bool Clean(long messagesSent, long accepted, long reportsFiled) =>
        AcceptedButLost == 0 && InboxRows >= accepted && InboxRows <= messagesSent
        && InboxPending == 0 && InboxFailed == 0 && AnsweredTwice == 0 && NotAnswered == 0
        && OutboxPending == 0 && OutboxFailed == 0 && PushesSentTwice == 0 && Reports == reportsFiled;
}

public static class StoreAudit
{
    private const string Announcement = "kf_msg_or_event";

    /// <summary>How often the store is looked at while the host finishes its work; not a wait in itself.</summary>
    private static readonly TimeSpan LookEvery = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// The store once the host has no message and no push left pending. Waits as long as the host keeps making headway
    /// (a backlog of pushes held by WeCom's per-member limits drains at the limit's pace); gives up after
    /// <paramref name="drainWait"/> without progress.
    /// </summary>
    public static Task<GovBotDb> DrainedAsync(string databasePath, TimeSpan drainWait) => DrainedAsync(OpenSqlite(databasePath), drainWait);

    public static GovBotDb OpenSqlite(string databasePath) =>
        new(new DbContextOptionsBuilder<GovBotDb>().UseSqlite($"Data Source={databasePath}").Options);

    public static GovBotDb OpenPostgres(string connectionString) =>
        new((DbContextOptions<GovBotDb>)new DbContextOptionsBuilder<GovBotDb>().UseGovBotPostgres(connectionString).Options);

    /// <inheritdoc cref="DrainedAsync(string, TimeSpan)"/>
    public static async Task<GovBotDb> DrainedAsync(GovBotDb db, TimeSpan drainWait)
    {
        var left = int.MaxValue;
        var lastProgress = DateTime.UtcNow;
        while (DateTime.UtcNow - lastProgress < drainWait)
        {
            var now = await db.Inbox.CountAsync(m => m.Status == InboxStatus.Pending) + await db.Outbox.CountAsync(m => m.Status == OutboxStatus.Pending);
            if (now == 0) break;
            if (now < left) (left, lastProgress) = (now, DateTime.UtcNow);
            await Task.Delay(LookEvery);
        }
        return db;
    }

    /// <summary>Waits for the host to finish what it accepted, then checks the books against the stand-in's log.</summary>
    public static async Task<AuditResult> RunAsync(
        GovBotDb store, Func<IReadOnlyCollection<string?>> sentMsgIds, IReadOnlyCollection<string> acceptedMsgIds, TimeSpan drainWait)
    {
        await using var db = await DrainedAsync(store, drainWait);

        var pushedFor = db.Outbox.Where(o => o.InboxMessageId != null).Select(o => o.InboxMessageId);
        var sentIds = await db.Outbox.Where(o => o.WeComMsgId != null).Select(o => o.WeComMsgId).ToListAsync();
        var recorded = sentIds.ToHashSet();
        var inbox = (await db.Inbox.Select(m => m.DedupKey).ToListAsync()).ToHashSet();
        return new AuditResult(
            await db.Inbox.CountAsync(m => !m.DedupKey.Contains(":" + Announcement + ":")),
            await db.Inbox.CountAsync(m => m.Status == InboxStatus.Pending),
            await db.Inbox.CountAsync(m => m.Status == InboxStatus.Failed),
            acceptedMsgIds.Count(id => !inbox.Contains(id)),
            await db.Inbox.CountAsync(m => m.PassiveReply != null && pushedFor.Contains(m.Id)),
            // A 微信客服 callback only announces messages to pull: it is stored done and needs no answer of its own.
            await db.Inbox.CountAsync(m => m.Status == InboxStatus.Done && m.PassiveReply == null && !pushedFor.Contains(m.Id)
                                           && !m.DedupKey.Contains(":" + Announcement + ":")),
            await db.Outbox.CountAsync(o => o.Status == OutboxStatus.Pending),
            await db.Outbox.CountAsync(o => o.Status == OutboxStatus.Failed),
            // A msgid WeCom issued that no outbox row owns, or two rows with one msgid, is a push sent twice.
            sentMsgIds().Count(id => id is null || !recorded.Contains(id)) + (sentIds.Count - recorded.Count),
            await db.Reports.CountAsync());
    }
}
