using System.Text.Json.Serialization;

namespace GovBot.Host.WeCom.Api;

/// <summary>
/// A body for message/update_template_card that greys out a button card's buttons with a label.
/// The response_code (from the send answer or from a tap's callback) can be used once, within 72 hours.
/// </summary>
public sealed record WeComTemplateCardUpdate
{
    /// <summary>Whose cards change; at most 1000. Leave null and set <see cref="AtAll"/> for every recipient.</summary>
    [JsonPropertyName("userids")]
    public IReadOnlyList<string>? UserIds { get; init; }

    [JsonPropertyName("atall"), JsonConverter(typeof(ZeroOneBoolConverter))]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool AtAll { get; init; }

    /// <summary>Left 0, the client fills in the configured agent.</summary>
    [JsonPropertyName("agentid")]
    public int AgentId { get; init; }

    [JsonPropertyName("response_code")]
    public required string ResponseCode { get; init; }

    [JsonPropertyName("button")]
    public required WeComReplaceButton Button { get; init; }
}

public sealed record WeComReplaceButton([property: JsonPropertyName("replace_name")] string ReplaceName);
