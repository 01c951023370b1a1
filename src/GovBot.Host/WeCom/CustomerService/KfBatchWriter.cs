using GovBot.Data;
using GovBot.Data.CustomerService;
using GovBot.Data.Messaging;
using GovBot.Data.Store;
using GovBot.Host.Turns;
using GovBot.Host.WeCom.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovBot.Host.WeCom.CustomerService;

/// <summary>The pull's claim was taken over by another host (this one stalled past its lease): its page is rolled back.</summary>
public sealed class PullClaimLost(string openKfId) : Exception($"The pull of {openKfId} was taken over by another host.");

/// <summary>
/// Takes one sync_msg page in. First the people it names (their rows must exist for the observers), then the session
/// observers, in order, before the bot answers anything; then, in one transaction, the residents' messages as inbox
/// rows (dedup key "kf:" + msgid), the session states, and the cursor moved past the page. A crash anywhere before that
/// commit pulls the page again: the observers are idempotent and the inbox drops what it holds already.
/// </summary>
public sealed partial class KfBatchWriter(
    StoreGroupCommit writes,
    IEnumerable<ICustomerServiceSessionObserver> observers,
    IOptions<WeComOptions> wecom,
    IOptions<CustomerServiceOptions> options,
    TimeProvider time,
    ILogger<KfBatchWriter> log)
{
    public const string DedupPrefix = "kf:";

    /// <summary>Returns the identities with new rows pending, for their drains.</summary>
    public async Task<IReadOnlyCollection<string>> WriteAsync(
        string openKfId, string? fromCursor, KfSyncResult page, string claimant, CancellationToken ct)
    {
        var messages = page.MsgList ?? [];
        var users = messages.Select(ExternalIdOf).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (users.Count > 0)
            await writes.RunAsync(async (services, ct) =>
            {
                var db = services.GetRequiredService<GovBotDb>();
                await KfPeople.EnsureAsync(db, openKfId, users, time.GetUtcNow(), ct);
                await db.SaveChangesAsync(ct);
                return 0;
            }, ct);

        foreach (var message in messages)
            if (message is { Origin: KfMessage.FromSystem, Event: { } e } && e.ExternalUserId is { } who)
                await NotifyObserversAsync(openKfId, who, message, e, ct);

        return await writes.RunAsync((services, ct) => StoreAsync(services.GetRequiredService<GovBotDb>(), openKfId, fromCursor, page, claimant, users, ct), ct);
    }

    private async Task NotifyObserversAsync(string openKfId, string who, KfMessage message, KfEvent e, CancellationToken ct)
    {
        var at = DateTimeOffset.FromUnixTimeSeconds(message.SendTime);
        switch (e.EventType)
        {
            case KfEvent.EnterSession:
                var entered = new CustomerServiceEntered(openKfId, who, e.Scene, e.SceneParam, e.WelcomeCode, at);
                foreach (var observer in observers) await observer.OnEnteredAsync(entered, ct);
                break;
            case KfEvent.SessionStatusChange when e.ChangeType is { } change:
                var changed = new CustomerServiceSessionChanged(openKfId, who, change, e.OldServicerUserId, e.NewServicerUserId, at);
                foreach (var observer in observers) await observer.OnSessionChangedAsync(changed, ct);
                break;
        }
    }

    private async Task<IReadOnlyCollection<string>> StoreAsync(
        GovBotDb db, string openKfId, string? fromCursor, KfSyncResult page, string claimant, List<string> users, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var people = await db.ExternalUsers.Where(e => users.Contains(e.ExternalUserId)).ToDictionaryAsync(e => e.ExternalUserId, ct);
        var toDrain = new HashSet<string>(StringComparer.Ordinal);
        var corpId = wecom.Value.CorpId;
        var agentId = wecom.Value.AgentId.ToString(System.Globalization.CultureInfo.InvariantCulture);

        foreach (var message in page.MsgList ?? [])
        {
            if (ExternalIdOf(message) is not { } who || !people.TryGetValue(who, out var user)) continue;
            var identity = ExternalUser.IdentityOf(who);
            switch (message)
            {
                case { Origin: KfMessage.FromCustomer }:
                    // While a servicer has the session the message is theirs: kept, done, and not answered by the bot.
                    var servicer = user.SessionState == CustomerServiceState.Servicer;
                    var row = Row(message, identity, KfInbound.Xml(message, identity, corpId, agentId), servicer, now);
                    if (!await db.TryInsertAsync(row, ct)) break;
                    OpenWindow(user, message, openKfId, now);
                    await ReleaseHeldAsync(db, identity, now, ct);
                    if (!servicer) toDrain.Add(identity);
                    break;
                case { Origin: KfMessage.FromSystem, Event: { EventType: KfEvent.EnterSession } e }:
                    user.EntryScene = e.SceneParam is { Length: > 0 and <= 32 } scene ? scene : user.EntryScene;
                    user.OpenKfId = openKfId;
                    user.UpdatedAt = now;
                    // Only a fresh welcome code lets the greeting out (the window opens when the resident writes):
                    // without one the entry is not a turn, and the first message starts onboarding instead.
                    if (Fresh(e.WelcomeCode, message, now) is not { } code || user.SessionState == CustomerServiceState.Servicer) break;
                    var entry = Row(message, identity, KfInbound.EnterXml(message.SendTime, identity, code, corpId, agentId), false, now);
                    if (await db.TryInsertAsync(entry, ct)) toDrain.Add(identity);
                    break;
                case { Origin: KfMessage.FromSystem, Event: { EventType: KfEvent.SessionStatusChange, ChangeType: { } change } e }:
                    // 1 taken from the queue, 2 passed on, 4 taken up again: a servicer has it; 3 ended: the bot answers again.
                    (user.SessionState, user.ServicerUserId) = change == 3
                        ? (CustomerServiceState.Assistant, null)
                        : (CustomerServiceState.Servicer, e.NewServicerUserId ?? user.ServicerUserId);
                    user.UpdatedAt = now;
                    if (change == 3) await ReleaseHeldAsync(db, identity, now, ct);
                    break;
                case { Origin: KfMessage.FromSystem, Event: { EventType: KfEvent.MsgSendFail } e }:
                    await MarkSendFailedAsync(db, e, ct);
                    break;
            }
        }

        var moved = await db.CustomerServiceCursors
            .Where(c => c.OpenKfId == openKfId && c.ClaimedBy == claimant && c.Cursor == fromCursor)
            .ExecuteUpdateAsync(s => s
                .SetProperty(c => c.Cursor, page.NextCursor ?? fromCursor)
                .SetProperty(c => c.PulledAt, now)
                .SetProperty(c => c.ClaimedUntil, now + options.Value.PullLease), ct);
        if (moved != 1) throw new PullClaimLost(openKfId);
        await db.SaveChangesAsync(ct);
        return toDrain;
    }

    private static InboxMessage Row(KfMessage message, string identity, string xml, bool servicer, DateTimeOffset now) => new()
    {
        DedupKey = DedupPrefix + message.MsgId,
        UserId = identity,
        MsgType = message.Origin == KfMessage.FromSystem ? "event" : message.MsgType,
        PayloadXml = xml,
        ReceivedAt = now,
        Status = servicer ? InboxStatus.Done : InboxStatus.Pending,
        ProcessedAt = servicer ? now : null,
        CorrelationId = "kf-" + message.MsgId,
    };

    /// <summary>The resident wrote: WeCom's 48 hours and five messages start again.</summary>
    private static void OpenWindow(ExternalUser user, KfMessage message, string openKfId, DateTimeOffset now)
    {
        var at = DateTimeOffset.FromUnixTimeSeconds(message.SendTime);
        if (user.LastInboundAt is null || at >= user.LastInboundAt) (user.LastInboundAt, user.SentSinceInbound) = (at, 0);
        if (user.SessionState is CustomerServiceState.New or CustomerServiceState.Ended) user.SessionState = CustomerServiceState.Assistant;
        user.OpenKfId = openKfId;
        user.UpdatedAt = now;
    }

    /// <summary>Pushes kept while the window was closed go out now, after the answers to this message.</summary>
    private static Task<int> ReleaseHeldAsync(GovBotDb db, string identity, DateTimeOffset now, CancellationToken ct) =>
        db.Outbox.Where(o => o.Channel == OutboxChannel.CustomerService && o.Status == OutboxStatus.Held && o.ToUsers == identity)
            .ExecuteUpdateAsync(s => s
                .SetProperty(o => o.Status, OutboxStatus.Pending)
                .SetProperty(o => o.NextAttemptAt, (DateTimeOffset?)null)
                .SetProperty(o => o.NotBefore, now), ct);

    /// <summary>WeCom could not deliver a message it had accepted: the row shows it to staff.</summary>
    private async Task MarkSendFailedAsync(GovBotDb db, KfEvent e, CancellationToken ct)
    {
        if (KfOutboxIds.RowOf(e.FailMsgId) is not { } id) return;
        var note = $"微信用户没有收到这条消息（企业微信失败类型 {e.FailType}）";
        var marked = await db.Outbox.Where(o => o.Id == id && o.Channel == OutboxChannel.CustomerService)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OutboxStatus.Failed).SetProperty(o => o.LastError, note), ct);
        if (marked > 0) LogSendFailed(log, id, e.FailType);
    }

    private string? Fresh(string? welcomeCode, KfMessage message, DateTimeOffset now) =>
        welcomeCode is { Length: > 0 } && now - DateTimeOffset.FromUnixTimeSeconds(message.SendTime) < options.Value.WelcomeCodeLifetime
            ? welcomeCode : null;

    private static string? ExternalIdOf(KfMessage m) => m.Origin switch
    {
        KfMessage.FromCustomer => m.ExternalUserId,
        KfMessage.FromSystem => m.Event?.ExternalUserId,
        _ => null,
    } is { Length: > 0 and <= ExternalUser.MaxId - 3 } id ? id : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "WeCom reports that outbox {OutboxId} did not reach the WeChat user (fail_type {FailType}); marked failed for staff")]
    private static partial void LogSendFailed(ILogger logger, long outboxId, int? failType);
}
