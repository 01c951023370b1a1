using System.Text.Json.Serialization;

namespace GovBot.Host.WeCom.Api;

/// <summary>
/// appchat/create: a group chat the app owns, of at least two members of the address book (at most 2000). The chatid
/// is chosen by the caller (letters and digits, at most 32), so a create retried after a lost answer names the same chat.
/// </summary>
public sealed record WeComAppChatCreate
{
    public const int MaxMembers = 2000;

    [JsonPropertyName("name")]
    public required string Name { get; init; }

    [JsonPropertyName("owner")]
    public string? Owner { get; init; }

    [JsonPropertyName("userlist")]
    public required IReadOnlyList<string> UserList { get; init; }

    [JsonPropertyName("chatid")]
    public required string ChatId { get; init; }
}

public sealed record WeComAppChatCreateResult : WeComResult
{
    [JsonPropertyName("chatid")]
    public string? ChatId { get; init; }
}

/// <summary>appchat/send of a text (group chats take no template cards): to everyone in the chat.</summary>
public sealed record WeComAppChatMessage
{
    [JsonPropertyName("chatid")]
    public required string ChatId { get; init; }

    [JsonPropertyName("msgtype")]
    public string MsgType { get; init; } = "text";

    [JsonPropertyName("text")]
    public required WeComTextContent Text { get; init; }

    [JsonPropertyName("safe")]
    public int Safe { get; init; }
}
