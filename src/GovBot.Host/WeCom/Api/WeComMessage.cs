using System.Text.Json.Serialization;

namespace GovBot.Host.WeCom.Api;

/// <summary>
/// A body for message/send. It serializes to WeCom's JSON exactly: "msgtype" names the type and a
/// field of that name holds the content. Serialize it as <see cref="WeComMessage"/> so msgtype is written.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "msgtype")]
[JsonDerivedType(typeof(WeComTextMessage), "text")]
[JsonDerivedType(typeof(WeComMarkdownMessage), "markdown")]
[JsonDerivedType(typeof(WeComTextCardMessage), "textcard")]
[JsonDerivedType(typeof(WeComTemplateCardMessage), "template_card")]
public abstract record WeComMessage
{
    /// <summary>The most user ids one call may name.</summary>
    public const int MaxUsersPerCall = 1000;

    /// <summary>User ids joined by '|', at most <see cref="MaxUsersPerCall"/>.</summary>
    [JsonPropertyName("touser")]
    public required string ToUser { get; init; }

    /// <summary>Left 0, the client fills in the configured agent.</summary>
    [JsonPropertyName("agentid")]
    public int AgentId { get; init; }

    /// <summary>Lets WeCom drop a message identical to one sent within <see cref="DuplicateCheckInterval"/>.</summary>
    [JsonPropertyName("enable_duplicate_check"), JsonConverter(typeof(ZeroOneBoolConverter))]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool EnableDuplicateCheck { get; init; }

    /// <summary>Seconds; WeCom's default is 1800, its maximum 4 hours.</summary>
    [JsonPropertyName("duplicate_check_interval")]
    public int? DuplicateCheckInterval { get; init; }

    public static string JoinUsers(IEnumerable<string> userIds) => string.Join('|', userIds);
}

public sealed record WeComTextMessage : WeComMessage
{
    public const int MaxContentBytes = 2048;

    [JsonPropertyName("text")]
    public required WeComTextContent Text { get; init; }
}

public sealed record WeComMarkdownMessage : WeComMessage
{
    public const int MaxContentBytes = 4096;

    [JsonPropertyName("markdown")]
    public required WeComTextContent Markdown { get; init; }
}

public sealed record WeComTextContent([property: JsonPropertyName("content")] string Content);

public sealed record WeComTextCardMessage : WeComMessage
{
    [JsonPropertyName("textcard")]
    public required WeComTextCard TextCard { get; init; }
}

/// <param name="Url">Required by WeCom: a text card always opens a page when tapped.</param>
/// <param name="ButtonText">Defaults to "详情" on WeCom's side.</param>
public sealed record WeComTextCard(
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("btntxt")] string? ButtonText = null);
