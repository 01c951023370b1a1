namespace GovBot.Skills.Conversation;

public enum MessageKind
{
    Text,
    Image,
    Voice,
    Location,
    Link,
    Event,
    /// <summary>A video; attached to a report being filed, otherwise answered politely.</summary>
    Video,
    /// <summary>A file (a document, a spreadsheet); attached to a report being filed, otherwise answered politely.</summary>
    File,
    /// <summary>A kind the bot cannot read (a sticker, a card …): answered politely, never dropped.</summary>
    Other,
}

public sealed record GeoPoint(double Latitude, double Longitude, string? Label);

/// <summary>What a user sent, whatever the channel. Voice arrives as its recognised text when WeCom gives one.</summary>
public sealed record IncomingMessage(string UserId, MessageKind Kind, DateTimeOffset ReceivedAt)
{
    public string? Text { get; init; }
    public GeoPoint? Location { get; init; }
    /// <summary>WeCom media id of an image or voice, fetched later through the media API.</summary>
    public string? MediaId { get; init; }
    public string? PicUrl { get; init; }
    /// <summary>A video or file the precheck fetched and found too large or of a type not taken: why, in Chinese.</summary>
    public string? Refusal { get; init; }
    /// <summary>The name a file was sent with, when the precheck fetched it.</summary>
    public string? FileName { get; init; }
    /// <summary>enter_agent, click, view, LOCATION, template_card_event …</summary>
    public string? EventName { get; init; }
    /// <summary>The menu key or card button key that was tapped.</summary>
    public string? EventKey { get; init; }
    public string? TaskId { get; init; }
    /// <summary>Lets the card that was tapped be updated for everyone who got it.</summary>
    public string? ResponseCode { get; init; }
    public string? MessageId { get; init; }
    public string? CorrelationId { get; init; }

    public static IncomingMessage FromText(string userId, string text, DateTimeOffset at) =>
        new(userId, MessageKind.Text, at) { Text = text };
}
