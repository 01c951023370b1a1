using GovBot.Host.WeCom.Xml;

namespace GovBot.Host.WeCom.CustomerService;

/// <summary>
/// Writes a pulled customer-service message as the inbound XML the app channel stores, from the WeChat user's turn
/// identity, so that the turn pipeline, the readers and the staff pages need nothing new. A tapped menu item whose id
/// is a card button's key comes back as that button's click, exactly what a tap on the app's card sends; any other
/// tapped numbered choice is its number, as if typed.
/// </summary>
public static class KfInbound
{
    /// <summary>Prefix of menu ids that stand for a numbered choice rather than a button.</summary>
    public const string ChoiceIdPrefix = "choice-";

    /// <summary>The event an entry becomes: the engine greets a newcomer with onboarding, as when a member opens the app.</summary>
    public const string EnterEvent = "enter_agent";

    public static string Xml(KfMessage message, string identity, string corpId, string agentId)
    {
        var at = message.SendTime;
        var id = message.MsgId;
        return message.MsgType switch
        {
            "text" when message.Text?.MenuId is { Length: > 0 } menuId && !menuId.StartsWith(ChoiceIdPrefix, StringComparison.Ordinal) =>
                WeComInboundXml.Event(corpId, identity, at, "click", menuId, agentId),
            // A numbered choice tapped is its number typed: the words of two options can overlap ("10:00"), the number cannot.
            "text" when message.Text?.MenuId is { } choice && choice.StartsWith(ChoiceIdPrefix, StringComparison.Ordinal) =>
                WeComInboundXml.Text(corpId, identity, at, choice[ChoiceIdPrefix.Length..], id, agentId),
            "text" => WeComInboundXml.Text(corpId, identity, at, message.Text?.Content ?? "", id, agentId),
            "image" => WeComInboundXml.Image(corpId, identity, at, "", message.Image?.MediaId ?? "", id, agentId),
            "location" when message.Location is { } l =>
                WeComInboundXml.Location(corpId, identity, at, l.Latitude, l.Longitude, 16, l.Name ?? l.Address ?? "", id, agentId),
            _ => WeComInboundXml.Build(new WeComInboundMessage
            {
                ToUserName = corpId, FromUserName = identity, CreateTime = at, MsgType = message.MsgType, MsgId = id, AgentId = agentId,
                MediaId = message.Voice?.MediaId,
            }),
        };
    }

    /// <summary>An entry: the welcome code rides in EventKey, where the outbox finds it for send_msg_on_event.</summary>
    public static string EnterXml(long sendTime, string identity, string? welcomeCode, string corpId, string agentId) =>
        WeComInboundXml.Event(corpId, identity, sendTime, EnterEvent, welcomeCode, agentId);
}
