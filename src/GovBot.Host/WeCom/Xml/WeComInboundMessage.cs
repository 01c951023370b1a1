using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace GovBot.Host.WeCom.Xml;

/// <summary>A decrypted callback message or event; only the fields of its MsgType/Event are set.</summary>
public sealed record WeComInboundMessage
{
    /// <summary>The CorpID; empty when WeCom left it out.</summary>
    public string ToUserName { get; init; } = "";

    /// <summary>The sender's UserID.</summary>
    public required string FromUserName { get; init; }

    /// <summary>Unix seconds.</summary>
    public required long CreateTime { get; init; }

    /// <summary>One of <see cref="WeComMsgTypes"/>, or a type the bot does not handle.</summary>
    public required string MsgType { get; init; }

    /// <summary>Present on messages, absent on events.</summary>
    public string? MsgId { get; init; }

    public string? AgentId { get; init; }

    /// <summary>text.</summary>
    public string? Content { get; init; }

    /// <summary>image.</summary>
    public string? PicUrl { get; init; }

    /// <summary>image and voice.</summary>
    public string? MediaId { get; init; }

    /// <summary>voice (amr, speex).</summary>
    public string? Format { get; init; }

    /// <summary>voice, when speech recognition is on.</summary>
    public string? Recognition { get; init; }

    /// <summary>location: latitude, from &lt;Location_X&gt;.</summary>
    public double? LocationX { get; init; }

    /// <summary>location: longitude, from &lt;Location_Y&gt;.</summary>
    public double? LocationY { get; init; }

    /// <summary>location: map zoom.</summary>
    public int? Scale { get; init; }

    /// <summary>location: place name.</summary>
    public string? Label { get; init; }

    /// <summary>link.</summary>
    public string? Title { get; init; }

    /// <summary>link.</summary>
    public string? Description { get; init; }

    /// <summary>link.</summary>
    public string? Url { get; init; }

    /// <summary>One of <see cref="WeComEvents"/> when MsgType is event.</summary>
    public string? Event { get; init; }

    /// <summary>click/view menu key or URL; template_card_event button key.</summary>
    public string? EventKey { get; init; }

    /// <summary>template_card_event.</summary>
    public string? TaskId { get; init; }

    /// <summary>template_card_event.</summary>
    public string? CardType { get; init; }

    /// <summary>template_card_event: lets the app update the card once.</summary>
    public string? ResponseCode { get; init; }

    /// <summary>LOCATION event.</summary>
    public double? Latitude { get; init; }

    /// <summary>LOCATION event.</summary>
    public double? Longitude { get; init; }

    /// <summary>LOCATION event.</summary>
    public double? Precision { get; init; }

    /// <summary>kf_msg_or_event: lets sync_msg pull for ten minutes without its strict frequency limit.</summary>
    public string? Token { get; init; }

    /// <summary>kf_msg_or_event: the customer-service account that has something new.</summary>
    public string? OpenKfId { get; init; }

    /// <summary>
    /// Spots WeCom's retried deliveries: the MsgId for messages. WeCom's documented rule for events (sender, CreateTime
    /// and Event) is too coarse: a grid worker tapping 受理 on two cards in one second sends two events that share all
    /// three, so an event is also keyed by everything it carries (its whole text: task, button, response code, change
    /// type …). A retry repeats the same text and still matches.
    /// </summary>
    public static string DedupKeyOf(WeComInboundMessage message, string plainXml)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(plainXml);
        if (message.MsgId is { } msgId) return msgId;
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(plainXml)), 0, 12);
        return string.Create(CultureInfo.InvariantCulture, $"{message.FromUserName}:{message.CreateTime}:{message.Event}:{hash}");
    }
}
