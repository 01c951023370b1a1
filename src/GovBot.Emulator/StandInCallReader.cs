using System.Text.Json;
using System.Text.RegularExpressions;
using GovBot.Host.WeCom.Api;

namespace GovBot.Emulator;

/// <summary>
/// Reads what a WeCom client would show for a call the stand-in accepted: the bubble of a message/send
/// (text, markdown, text card, template card) and the label an update_template_card puts on a card.
/// </summary>
internal static partial class StandInCallReader
{
    /// <summary>The bot's entry for a message/send, with no user or sequence number yet.</summary>
    public static ChatEntry FromSend(WeComApiCall call)
    {
        var body = call.Body;
        var entry = new ChatEntry(0, "", ChatFrom.Bot, ChatTypes.Text, call.ReceivedAt);
        return call.MsgType switch
        {
            "text" => entry with { Text = Content(body, "text") },
            "markdown" => entry with { Text = Content(body, "markdown") },
            "textcard" when body.TryGetProperty("textcard", out var card) => entry with
            {
                Type = ChatTypes.Card,
                Card = new ChatCard(Str(card, "title") ?? "", StripHtml(Str(card, "description")), []),
            },
            "template_card" when body.TryGetProperty("template_card", out var card) => entry with
            {
                Type = ChatTypes.Card,
                TaskId = Str(card, "task_id"),
                Card = TemplateCard(card),
            },
            // WeCom would show a bubble the emulator cannot draw; say so rather than drop it.
            _ => entry with { Text = $"（一条{call.MsgType}消息，模拟器暂不能显示）" },
        };
    }

    /// <summary>What replaces the buttons after an update_template_card.</summary>
    public static string ReplacementText(WeComApiCall call)
    {
        var body = call.Body;
        if (body.TryGetProperty("button", out var button) && Str(button, "replace_name") is { Length: > 0 } name) return name;
        if (body.TryGetProperty("template_card", out var card) && card.TryGetProperty("main_title", out var title)
            && Str(title, "title") is { Length: > 0 } replaced)
            return replaced;
        return "已更新";
    }

    private static ChatCard TemplateCard(JsonElement card)
    {
        string? title = null;
        var lines = new List<string>();
        if (card.TryGetProperty("main_title", out var main))
        {
            title = Str(main, "title");
            if (Str(main, "desc") is { Length: > 0 } desc) lines.Add(desc);
        }
        if (Str(card, "sub_title_text") is { Length: > 0 } sub) lines.Add(sub);
        if (card.TryGetProperty("horizontal_content_list", out var rows) && rows.ValueKind == JsonValueKind.Array)
            lines.AddRange(rows.EnumerateArray().Select(r => $"{Str(r, "keyname")}：{Str(r, "value")}"));

        var buttons = new List<ChatButton>();
        if (card.TryGetProperty("button_list", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var b in list.EnumerateArray())
            {
                var style = b.TryGetProperty("style", out var s) && s.TryGetInt32(out var n) ? n : WeComCardButton.PrimaryStyle;
                buttons.Add(new ChatButton(Str(b, "key") ?? "", Str(b, "text") ?? "", style == WeComCardButton.PrimaryStyle));
            }
        }
        return new ChatCard(title ?? "", lines.Count > 0 ? string.Join('\n', lines) : null, buttons);
    }

    private static string? Content(JsonElement body, string field) =>
        body.TryGetProperty(field, out var part) ? Str(part, "content") : null;

    private static string? Str(JsonElement e, string name) => StandInRules.Str(e, name);

    /// <summary>Text cards may carry WeCom's div classes (gray, normal, highlight); the emulator shows plain lines.</summary>
    private static string? StripHtml(string? html)
    {
        if (html is null) return null;
        var text = LineBreak().Replace(html, "\n");
        text = Tag().Replace(text, "");
        return System.Net.WebUtility.HtmlDecode(text).Trim();
    }

    [GeneratedRegex(@"<br\s*/?>|</div>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreak();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();
}
