using System.Text.Json.Serialization;

namespace GovBot.Host.WeCom.Api;

public sealed record WeComTemplateCardMessage : WeComMessage
{
    [JsonPropertyName("template_card")]
    public required WeComTemplateCard TemplateCard { get; init; }
}

/// <summary>
/// The parts of WeCom's template_card we use. For "button_interaction" WeCom requires task_id
/// (unique per application; letters, digits and "_-@", at most 128 bytes) and 1 to 6 buttons.
/// </summary>
public sealed record WeComTemplateCard
{
    public const string ButtonInteraction = "button_interaction";
    public const string TextNotice = "text_notice";
    public const int MaxButtons = 6;
    public const int MaxTaskIdBytes = 128;

    [JsonPropertyName("card_type")]
    public required string CardType { get; init; }

    [JsonPropertyName("main_title")]
    public WeComCardMainTitle? MainTitle { get; init; }

    [JsonPropertyName("sub_title_text")]
    public string? SubTitleText { get; init; }

    [JsonPropertyName("horizontal_content_list")]
    public IReadOnlyList<WeComCardHorizontalContent>? HorizontalContentList { get; init; }

    [JsonPropertyName("task_id")]
    public string? TaskId { get; init; }

    [JsonPropertyName("button_list")]
    public IReadOnlyList<WeComCardButton>? ButtonList { get; init; }
}

public sealed record WeComCardMainTitle(
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("desc")] string? Desc = null);

/// <summary>A "key: value" line under the title.</summary>
public sealed record WeComCardHorizontalContent(
    [property: JsonPropertyName("keyname")] string KeyName,
    [property: JsonPropertyName("value")] string? Value);

/// <param name="Key">Comes back as EventKey in the template_card_event when tapped; at most 1024 bytes.</param>
/// <param name="Style">1 to 4; 1 is the prominent (blue) one.</param>
public sealed record WeComCardButton(
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("style")] int Style = WeComCardButton.PrimaryStyle)
{
    public const int PrimaryStyle = 1;
    public const int PlainStyle = 2;
}
