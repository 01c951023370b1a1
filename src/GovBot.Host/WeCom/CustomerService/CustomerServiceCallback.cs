using GovBot.Host.Turns;
using GovBot.Host.WeCom.Xml;

namespace GovBot.Host.WeCom.CustomerService;

/// <summary>
/// WeCom's <c>kf_msg_or_event</c> callback says only "something is new on this account": it is stored (done, as a
/// record), acknowledged at once, and starts a pull. The messages themselves come from kf/sync_msg.
/// </summary>
public sealed class CustomerServiceCallback(InboxWriter inbox, CustomerServicePuller puller, CustomerServicePulls pulls)
{
    public const string EventName = "kf_msg_or_event";

    /// <summary>
    /// What every announcement's inbox dedup key holds (sender:time:event:hash): counts of messages answered leave these
    /// records out, since the messages they announce are rows of their own.
    /// </summary>
    public const string DedupKeyMarker = ":" + EventName + ":";

    public static bool Announces(WeComInboundMessage message) =>
        message is { MsgType: WeComMsgTypes.Event, Event: EventName };

    public async Task AcceptAsync(WeComInboundMessage message, string plainXml, string correlationId)
    {
        var row = inbox.NewRow(WeComInboundMessage.DedupKeyOf(message, plainXml), message.FromUserName, message.MsgType, plainXml, correlationId);
        row.Status = GovBot.Data.Messaging.InboxStatus.Done;
        row.ProcessedAt = row.ReceivedAt;
        // Once stored the pull follows even if WeCom stops waiting: the request's abort does not cancel it.
        await inbox.AcceptAsync(row, CancellationToken.None);
        if (message.OpenKfId is not { Length: > 0 } account) return;
        await puller.RequestAsync(account, message.Token, CancellationToken.None);
        pulls.Signal(account);
    }
}
