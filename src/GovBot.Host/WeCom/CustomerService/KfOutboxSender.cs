using GovBot.Data;
using GovBot.Data.CustomerService;
using GovBot.Data.Messaging;
using GovBot.Data.Store;
using GovBot.Host.Turns;
using GovBot.Host.WeCom.Api;
using GovBot.Host.WeCom.Outbox;
using GovBot.Host.WeCom.Xml;
using GovBot.Skills.Conversation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovBot.Host.WeCom.CustomerService;

/// <summary>
/// Sends an outbox row to a WeChat user through kf/send_msg, within WeCom's window: five messages in the 48 hours after
/// the resident's last message (<see cref="ExternalUser.LastInboundAt"/>, counted in the store for every host).
/// Answers to the resident's own messages may spend all five; other pushes leave <c>ReservedForAnswers</c> alone and
/// wait while answers are due. What WeCom would refuse now is held (<see cref="OutboxStatus.Held"/>) until the resident
/// writes again, never failed silently. Pending texts to the same resident go out as one message where they fit.
/// </summary>
public sealed partial class KfOutboxSender(
    ICustomerServiceApi api,
    StoreWriteGate gate,
    TimeProvider time,
    TurnMetrics metrics,
    IOptions<CustomerServiceOptions> options,
    IOptions<OutboxOptions> outbox,
    ILogger<KfOutboxSender> log)
{
    /// <summary>How long a push waits for the answers due before it.</summary>
    private static readonly TimeSpan AnswersFirst = TimeSpan.FromSeconds(1);

    public const string WindowClosedNote = "等待中：居民超过48小时没有发消息，企业微信不让再发。居民下次发消息后自动补发。";
    public const string QuotaSpentNote = "等待中：这48小时内给这位居民的5条消息已用完（留给回答的名额不动）。居民下次发消息后自动补发。";
    public const string ServicerNote = "等待中：人工客服正在接待这位居民，会话结束或居民再发消息后补发。";

    /// <returns>False when WeCom failed transiently, so the pass should stop.</returns>
    public async Task<bool> SendAsync(GovBotDb db, OutboxMessage row, ReplyPart part, CancellationToken ct)
    {
        if (!ExternalUser.IsIdentity(row.ToUsers)) return await FailAsync(db, row, "not a WeChat user's identity");
        var externalId = ExternalUser.ExternalIdOf(row.ToUsers);
        var user = await db.ExternalUsers.AsNoTracking().SingleOrDefaultAsync(e => e.ExternalUserId == externalId, ct);
        if (user is null) return await FailAsync(db, row, "没有这位微信用户的记录");
        var answer = row.InboxMessageId is not null;
        var now = time.GetUtcNow();

        // The first answer to an entry whose welcome code is fresh goes out once, outside the window.
        if (answer && row.SourceKey?.EndsWith(":0", StringComparison.Ordinal) == true
            && await WelcomeCodeAsync(db, row.InboxMessageId!.Value, ct) is { } code)
        {
            var (greeting, joinedToGreeting) = await MergeAsync(db, row, part, now, ct);
            return await SendWelcomeAsync(db, row, greeting, joinedToGreeting, code, ct);
        }
        if (user.SessionState == CustomerServiceState.Servicer) return await HoldAsync(db, row, ServicerNote);
        if (user.LastInboundAt is not { } since || now - since >= options.Value.Window) return await HoldAsync(db, row, WindowClosedNote);
        if (!answer && await AnswersDueAsync(db, row, ct))
        {
            row.NextAttemptAt = now + AnswersFirst;
            await SaveAsync(db);
            return true;
        }

        var (merged, joined) = await MergeAsync(db, row, part, now, ct);
        var bodies = KfRenderer.Render(merged);
        var limit = options.Value.MessagesPerWindow - (answer ? 0 : options.Value.ReservedForAnswers);
        for (var piece = OutboxProgress.BatchesDone(row.WeComMsgId); piece < bodies.Count; piece++)
        {
            if (!await SpendAsync(db, user, limit, ct)) return await HoldAsync(db, row, QuotaSpentNote);
            var message = new KfSendMessage
            {
                ToUser = externalId, OpenKfId = user.OpenKfId, MsgId = KfOutboxIds.For(row.Id, piece),
                MsgType = bodies[piece].MsgType, Text = bodies[piece].Text, Menu = bodies[piece].Menu,
            };
            KfSendResult result;
            try
            {
                result = await api.SendAsync(message, ct);
            }
            catch (WeComTransientException ex)
            {
                await RefundAsync(db, user, ct);
                return await RetryLaterAsync(db, row, ex.Message);
            }
            if (result.IsOk || result.ErrCode == KfErrors.DuplicateMsgId)
            {
                // A duplicate msgid is our own send that went out before a crash: delivered once, as intended.
                row.WeComMsgId = OutboxProgress.Append(row.WeComMsgId, result.MsgId ?? message.MsgId);
                MarkJoined(row, joined);
                row.NextAttemptAt = time.GetUtcNow() + outbox.Value.ClaimLease;
                await SaveAsync(db);
                continue;
            }
            if (KfErrors.MeansWindowClosed(result.ErrCode))
            {
                // WeCom knows better than our count (another system answered too): the window is spent for now.
                await SpendAllAsync(db, user, ct);
                return await HoldAsync(db, row, QuotaSpentNote);
            }
            await RefundAsync(db, user, ct);
            if (result.Kind is WeComErrorKind.Transient or WeComErrorKind.TokenRejected)
                return await RetryLaterAsync(db, row, $"errcode {result.ErrCode} {result.ErrMsg}");
            return await FailAsync(db, row, $"errcode {result.ErrCode} {result.ErrMsg}");
        }
        return await MarkSentAsync(db, row);
    }

    /// <summary>An answer to an entry whose welcome code is still fresh goes out once, outside the window.</summary>
    private async Task<string?> WelcomeCodeAsync(GovBotDb db, long inboxId, CancellationToken ct)
    {
        var entry = await db.Inbox.AsNoTracking().Where(m => m.Id == inboxId && m.MsgType == WeComMsgTypes.Event)
            .Select(m => new { m.PayloadXml, m.ReceivedAt }).SingleOrDefaultAsync(ct);
        if (entry is null) return null;
        var message = WeComMessageParser.Parse(entry.PayloadXml);
        return message.Event == KfInbound.EnterEvent && message.EventKey is { Length: > 0 } code ? code : null;
    }

    private async Task<bool> SendWelcomeAsync(GovBotDb db, OutboxMessage row, ReplyPart part, List<OutboxMessage> joined, string code, CancellationToken ct)
    {
        // Only one message answers an event: the first of the part (a long greeting is cut by the splitter's first piece).
        if (OutboxProgress.BatchesDone(row.WeComMsgId) > 0) return await MarkSentAsync(db, row);
        var body = KfRenderer.Render(part)[0];
        KfSendResult result;
        try
        {
            result = await api.SendOnEventAsync(new KfEventMessage
            {
                Code = code, MsgId = KfOutboxIds.For(row.Id, 0), MsgType = body.MsgType, Text = body.Text, Menu = body.Menu,
            }, ct);
        }
        catch (WeComTransientException ex)
        {
            return await RetryLaterAsync(db, row, ex.Message);
        }
        if (result.IsOk || result.ErrCode == KfErrors.DuplicateMsgId)
        {
            row.WeComMsgId = OutboxProgress.Append(row.WeComMsgId, result.MsgId ?? KfOutboxIds.For(row.Id, 0));
            MarkJoined(row, joined);
            return await MarkSentAsync(db, row);
        }
        if (result.Kind is WeComErrorKind.Transient or WeComErrorKind.TokenRejected)
            return await RetryLaterAsync(db, row, $"errcode {result.ErrCode} {result.ErrMsg}");
        // The code lapsed (20 seconds) or was used: the greeting is not worth a message of the resident's five.
        return await FailAsync(db, row, $"欢迎语没有发出：欢迎码已过期或已用过（errcode {result.ErrCode}）");
    }

    /// <summary>Whether the resident has a message not yet answered, or an answer not yet sent, before this push.</summary>
    private static async Task<bool> AnswersDueAsync(GovBotDb db, OutboxMessage row, CancellationToken ct) =>
        await db.Inbox.AnyAsync(m => m.UserId == row.ToUsers && m.Status == InboxStatus.Pending, ct)
        || await db.Outbox.AnyAsync(o => o.Channel == OutboxChannel.CustomerService && o.ToUsers == row.ToUsers
                                         && o.Status == OutboxStatus.Pending && o.InboxMessageId != null && o.Id != row.Id, ct);

    /// <summary>
    /// Later pending texts to the same resident join this one when together they fit one message: one of the five
    /// instead of several. Each joined row is claimed first, so no other host sends it too.
    /// </summary>
    private async Task<(ReplyPart Part, List<OutboxMessage> Joined)> MergeAsync(
        GovBotDb db, OutboxMessage row, ReplyPart part, DateTimeOffset now, CancellationToken ct)
    {
        var joined = new List<OutboxMessage>();
        if (part is not TextPart first || row.WeComMsgId is not null) return (part, joined);
        var later = await db.Outbox
            .Where(o => o.Channel == OutboxChannel.CustomerService && o.ToUsers == row.ToUsers && o.Id > row.Id
                        && o.Status == OutboxStatus.Pending && o.NotBefore <= now && (o.NextAttemptAt == null || o.NextAttemptAt <= now)
                        && o.WeComMsgId == null && (o.InboxMessageId != null) == (row.InboxMessageId != null))
            .OrderBy(o => o.Id).Take(8).ToListAsync(ct);
        var texts = new List<string> { first.Text };
        foreach (var other in later)
        {
            if (OutboxExtensions.DeserializePayload(other.PayloadJson) is not TextPart text || !KfRenderer.FitsTogether([.. texts, text.Text])) break;
            DateTimeOffset? until = now + outbox.Value.ClaimLease;
            int claimed;
            using (await gate.EnterAsync(ct))
                claimed = await db.Outbox.Where(o => o.Id == other.Id && o.Status == OutboxStatus.Pending && (o.NextAttemptAt == null || o.NextAttemptAt <= now))
                    .ExecuteUpdateAsync(s => s.SetProperty(o => o.NextAttemptAt, until), ct);
            if (claimed != 1) break;
            texts.Add(text.Text);
            joined.Add(other);
        }
        // A joined row stays claimed until WeCom took the message (MarkJoined); if it did not, its claim lapses.
        return (texts.Count == 1 ? part : new TextPart(string.Join(KfRenderer.Separator, texts)), joined);
    }

    private void MarkJoined(OutboxMessage row, List<OutboxMessage> joined)
    {
        foreach (var other in joined)
        {
            other.Status = OutboxStatus.Sent;
            other.SentAt = time.GetUtcNow();
            other.NextAttemptAt = null;
            other.LastError = $"与第 {row.Id} 条合并发出";
            if (other.InboxMessageId is not null) metrics.AnswerPushed();
        }
        joined.Clear();
    }

    /// <summary>Takes one of the window's messages in the store, unless <paramref name="limit"/> are spent or the window moved.</summary>
    private async Task<bool> SpendAsync(GovBotDb db, ExternalUser user, int limit, CancellationToken ct)
    {
        using var passage = await gate.EnterAsync(ct);
        return await db.ExternalUsers
            .Where(e => e.Id == user.Id && e.SentSinceInbound < limit)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.SentSinceInbound, e => e.SentSinceInbound + 1), ct) == 1;
    }

    private async Task RefundAsync(GovBotDb db, ExternalUser user, CancellationToken ct)
    {
        using var passage = await gate.EnterAsync(CancellationToken.None);
        await db.ExternalUsers.Where(e => e.Id == user.Id && e.SentSinceInbound > 0)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.SentSinceInbound, e => e.SentSinceInbound - 1), CancellationToken.None);
    }

    private async Task SpendAllAsync(GovBotDb db, ExternalUser user, CancellationToken ct)
    {
        var all = options.Value.MessagesPerWindow;
        using var passage = await gate.EnterAsync(CancellationToken.None);
        await db.ExternalUsers.Where(e => e.Id == user.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.SentSinceInbound, all), CancellationToken.None);
    }

    private async Task<bool> HoldAsync(GovBotDb db, OutboxMessage row, string note)
    {
        row.Status = OutboxStatus.Held;
        row.NextAttemptAt = null;
        row.LastError = note;
        await SaveAsync(db);
        LogHeld(log, row.Id);
        return true;
    }

    private async Task<bool> MarkSentAsync(GovBotDb db, OutboxMessage row)
    {
        row.Status = OutboxStatus.Sent;
        row.SentAt = time.GetUtcNow();
        row.NextAttemptAt = null;
        row.LastError = null;
        if (row.InboxMessageId is not null) metrics.AnswerPushed();
        await SaveAsync(db);
        return true;
    }

    private async Task<bool> RetryLaterAsync(GovBotDb db, OutboxMessage row, string error)
    {
        row.Attempts++;
        row.NextAttemptAt = time.GetUtcNow() + OutboxBackoff.Delay(row.Attempts, outbox.Value.RetryBaseDelay, outbox.Value.RetryMaxDelay, Random.Shared);
        row.LastError = error.Length <= 2000 ? error : error[..2000];
        await SaveAsync(db);
        return false;
    }

    private async Task<bool> FailAsync(GovBotDb db, OutboxMessage row, string error)
    {
        row.Status = OutboxStatus.Failed;
        row.NextAttemptAt = null;
        row.LastError = error;
        await SaveAsync(db);
        LogFailed(log, row.Id, error);
        return true;
    }

    private async Task SaveAsync(GovBotDb db)
    {
        using var passage = await gate.EnterAsync(CancellationToken.None);
        await db.SaveChangesAsync(CancellationToken.None);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox {OutboxId} to a WeChat user is held until the resident writes again (WeCom's 48-hour window)")]
    private static partial void LogHeld(ILogger logger, long outboxId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox {OutboxId} to a WeChat user failed for good: {Reason}")]
    private static partial void LogFailed(ILogger logger, long outboxId, string reason);
}
