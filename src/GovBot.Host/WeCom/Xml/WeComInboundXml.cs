using System.Text;

namespace GovBot.Host.WeCom.Xml;

/// <summary>Plays WeCom: writes a message or event as the plaintext XML WeCom would encrypt and POST (for emulators and tests).</summary>
public static class WeComInboundXml
{
    /// <summary>Writes every set field in WeCom's documented order; strings as CDATA, numbers and MsgId/AgentID bare, as in the published samples.</summary>
    public static string Build(WeComInboundMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);

        var sb = new StringBuilder(256)
            .Append("<xml>")
            .CDataElement(WeComFieldNames.ToUserName, message.ToUserName)
            .CDataElement(WeComFieldNames.FromUserName, message.FromUserName)
            .NumberElement(WeComFieldNames.CreateTime, message.CreateTime)
            .CDataElement(WeComFieldNames.MsgType, message.MsgType);

        CData(sb, WeComFieldNames.Event, message.Event);
        CData(sb, WeComFieldNames.EventKey, message.EventKey);
        CData(sb, WeComFieldNames.TaskId, message.TaskId);
        CData(sb, WeComFieldNames.CardType, message.CardType);
        CData(sb, WeComFieldNames.ResponseCode, message.ResponseCode);
        CData(sb, WeComFieldNames.Token, message.Token);
        CData(sb, WeComFieldNames.OpenKfId, message.OpenKfId);
        CData(sb, WeComFieldNames.Content, message.Content);
        CData(sb, WeComFieldNames.PicUrl, message.PicUrl);
        CData(sb, WeComFieldNames.MediaId, message.MediaId);
        CData(sb, WeComFieldNames.Format, message.Format);
        CData(sb, WeComFieldNames.Recognition, message.Recognition);
        Number(sb, WeComFieldNames.LocationX, message.LocationX);
        Number(sb, WeComFieldNames.LocationY, message.LocationY);
        if (message.Scale is int scale)
        {
            sb.NumberElement(WeComFieldNames.Scale, scale);
        }

        CData(sb, WeComFieldNames.Label, message.Label);
        CData(sb, WeComFieldNames.Title, message.Title);
        CData(sb, WeComFieldNames.Description, message.Description);
        CData(sb, WeComFieldNames.Url, message.Url);
        Number(sb, WeComFieldNames.Latitude, message.Latitude);
        Number(sb, WeComFieldNames.Longitude, message.Longitude);
        Number(sb, WeComFieldNames.Precision, message.Precision);
        if (message.MsgId is not null)
        {
            sb.TextElement(WeComFieldNames.MsgId, message.MsgId);
        }

        if (message.AgentId is not null)
        {
            sb.TextElement(WeComFieldNames.AgentId, message.AgentId);
        }

        return sb.Append("</xml>").ToString();
    }

    /// <summary>A text message from <paramref name="fromUser"/>.</summary>
    public static string Text(string corpId, string fromUser, long createTime, string content, string msgId, string agentId) =>
        Build(new WeComInboundMessage
        {
            ToUserName = corpId, FromUserName = fromUser, CreateTime = createTime, MsgType = WeComMsgTypes.Text,
            Content = content, MsgId = msgId, AgentId = agentId,
        });

    /// <summary>An image message.</summary>
    public static string Image(string corpId, string fromUser, long createTime, string picUrl, string mediaId, string msgId, string agentId) =>
        Build(new WeComInboundMessage
        {
            ToUserName = corpId, FromUserName = fromUser, CreateTime = createTime, MsgType = WeComMsgTypes.Image,
            PicUrl = picUrl, MediaId = mediaId, MsgId = msgId, AgentId = agentId,
        });

    /// <summary>A voice message (WeCom records AMR), without speech recognition's words.</summary>
    public static string Voice(string corpId, string fromUser, long createTime, string mediaId, string msgId, string agentId) =>
        Build(new WeComInboundMessage
        {
            ToUserName = corpId, FromUserName = fromUser, CreateTime = createTime, MsgType = WeComMsgTypes.Voice,
            MediaId = mediaId, Format = "amr", MsgId = msgId, AgentId = agentId,
        });

    /// <summary>A video (<paramref name="msgType"/> video) or file (file) message.</summary>
    public static string Media(string corpId, string fromUser, long createTime, string msgType, string mediaId, string msgId, string agentId) =>
        Build(new WeComInboundMessage
        {
            ToUserName = corpId, FromUserName = fromUser, CreateTime = createTime, MsgType = msgType,
            MediaId = mediaId, MsgId = msgId, AgentId = agentId,
        });

    /// <summary>A location message; <paramref name="latitude"/> goes to Location_X, <paramref name="longitude"/> to Location_Y.</summary>
    public static string Location(string corpId, string fromUser, long createTime, double latitude, double longitude, int scale, string label, string msgId, string agentId) =>
        Build(new WeComInboundMessage
        {
            ToUserName = corpId, FromUserName = fromUser, CreateTime = createTime, MsgType = WeComMsgTypes.Location,
            LocationX = latitude, LocationY = longitude, Scale = scale, Label = label, MsgId = msgId, AgentId = agentId,
        });

    /// <summary>An event such as enter_agent, click or view; <paramref name="eventKey"/> is omitted when null.</summary>
    public static string Event(string corpId, string fromUser, long createTime, string eventName, string? eventKey, string agentId) =>
        Build(new WeComInboundMessage
        {
            ToUserName = corpId, FromUserName = fromUser, CreateTime = createTime, MsgType = WeComMsgTypes.Event,
            Event = eventName, EventKey = eventKey, AgentId = agentId,
        });

    /// <summary>A template_card_event: a citizen pressed a button on a card the bot sent.</summary>
    public static string TemplateCardEvent(string corpId, string fromUser, long createTime, string eventKey, string taskId, string cardType, string responseCode, string agentId) =>
        Build(new WeComInboundMessage
        {
            ToUserName = corpId, FromUserName = fromUser, CreateTime = createTime, MsgType = WeComMsgTypes.Event,
            Event = WeComEvents.TemplateCardEvent, EventKey = eventKey, TaskId = taskId, CardType = cardType,
            ResponseCode = responseCode, AgentId = agentId,
        });

    private static void CData(StringBuilder sb, string name, string? value)
    {
        if (value is not null)
        {
            sb.CDataElement(name, value);
        }
    }

    private static void Number(StringBuilder sb, string name, double? value)
    {
        if (value is double number)
        {
            sb.NumberElement(name, number);
        }
    }
}
