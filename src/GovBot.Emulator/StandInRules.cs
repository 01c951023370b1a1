using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using GovBot.Host.WeCom.Api;

namespace GovBot.Emulator;

internal readonly record struct StandInRefusal(int ErrCode, string ErrMsg);

/// <summary>
/// The shape checks WeCom makes on a request, with WeCom's errcodes where it documents one;
/// where it does not, the stand-in answers 40035 (invalid parameter) and names the field.
/// </summary>
internal static partial class StandInRules
{
    /// <summary>
    /// WeCom refuses "\uXXXX" escapes (errcode 40033); only control characters, which JSON cannot
    /// carry otherwise, may be escaped so.
    /// </summary>
    public static bool HasUnicodeEscape(ReadOnlySpan<byte> json)
    {
        for (var i = 0; i + 1 < json.Length; i++)
        {
            if (json[i] != '\\') continue;
            if (json[i + 1] == 'u' && !(i + 5 < json.Length && json[i + 2] == '0' && json[i + 3] == '0' && json[i + 4] is (byte)'0' or (byte)'1'))
                return true;
            i++; // skip the escaped character, so "\\u" (an escaped backslash, then u) is not an escape
        }
        return false;
    }

    public static StandInRefusal? CheckSend(JsonElement m, int agentId)
    {
        if (m.ValueKind != JsonValueKind.Object) return new(47001, "data format error");
        if (CheckAgent(m, agentId) is { } wrongAgent) return wrongAgent;
        var users = Users(m);
        if (users.Count == 0) return Invalid("touser is required (the stand-in does not model toparty or totag)");
        if (users.Count > WeComMessage.MaxUsersPerCall) return new(WeComErrors.InvalidUserIdListLength, "invalid userid list size, at most 1000");
        return Str(m, "msgtype") switch
        {
            "text" => CheckContent(m, "text", WeComTextMessage.MaxContentBytes),
            "markdown" => CheckContent(m, "markdown", WeComMarkdownMessage.MaxContentBytes),
            "textcard" => CheckTextCard(m),
            "template_card" => CheckTemplateCard(m),
            _ => new(WeComErrors.InvalidMsgType, "invalid message type"),
        };
    }

    public static StandInRefusal? CheckUpdate(JsonElement m, int agentId)
    {
        if (m.ValueKind != JsonValueKind.Object) return new(47001, "data format error");
        if (CheckAgent(m, agentId) is { } wrongAgent) return wrongAgent;
        if (string.IsNullOrEmpty(Str(m, "response_code"))) return Invalid("response_code is required");
        var hasUsers = m.TryGetProperty("userids", out var ids) && ids.ValueKind == JsonValueKind.Array && ids.GetArrayLength() > 0;
        if (hasUsers && ids.GetArrayLength() > WeComMessage.MaxUsersPerCall) return new(WeComErrors.InvalidUserIdListLength, "invalid userid list size, at most 1000");
        if (!hasUsers && Int(m, "atall") != 1) return Invalid("userids or atall is required");
        var replaces = m.TryGetProperty("button", out var button) && !string.IsNullOrEmpty(Str(button, "replace_name"));
        var newCard = m.TryGetProperty("template_card", out var card) && card.ValueKind == JsonValueKind.Object;
        return replaces || newCard ? null : Invalid("button.replace_name or template_card is required");
    }

    public static IReadOnlyList<string> Users(JsonElement m) =>
        (Str(m, "touser") ?? "").Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static IReadOnlyList<string> UserIds(JsonElement m) =>
        m.TryGetProperty("userids", out var ids) && ids.ValueKind == JsonValueKind.Array
            ? ids.EnumerateArray().Select(e => e.ToString()).ToList()
            : [];

    public static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;

    public static int? Int(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.Number && p.TryGetInt32(out var i) ? i : null;

    private static StandInRefusal? CheckAgent(JsonElement m, int agentId) =>
        Int(m, "agentid") == agentId ? null : new(WeComErrors.InvalidAgentId, "invalid agentid");

    private static StandInRefusal? CheckContent(JsonElement m, string field, int maxBytes)
    {
        var content = m.TryGetProperty(field, out var body) ? Str(body, "content") : null;
        if (string.IsNullOrEmpty(content)) return new(WeComErrors.EmptyContent, "empty content");
        return Bytes(content) > maxBytes ? new(WeComErrors.ContentTooLong, $"content size out of limit ({maxBytes} bytes)") : null;
    }

    private static StandInRefusal? CheckTextCard(JsonElement m)
    {
        if (!m.TryGetProperty("textcard", out var card)) return Invalid("textcard is required");
        foreach (var field in new[] { "title", "description", "url" })
            if (string.IsNullOrEmpty(Str(card, field))) return Invalid($"textcard.{field} is required");
        if (Bytes(Str(card, "title")!) > 128) return new(WeComErrors.ContentTooLong, "textcard.title over 128 bytes");
        return Bytes(Str(card, "description")!) > 512 ? new(WeComErrors.ContentTooLong, "textcard.description over 512 bytes") : null;
    }

    private static StandInRefusal? CheckTemplateCard(JsonElement m)
    {
        if (!m.TryGetProperty("template_card", out var card) || card.ValueKind != JsonValueKind.Object)
            return Invalid("template_card is required");
        return Str(card, "card_type") switch
        {
            WeComTemplateCard.ButtonInteraction => CheckButtonCard(card),
            // Only button cards are modelled in detail; the others are accepted as they come.
            WeComTemplateCard.TextNotice or "news_notice" or "vote_interaction" or "multiple_interaction" => null,
            _ => Invalid("invalid template_card.card_type"),
        };
    }

    private static StandInRefusal? CheckButtonCard(JsonElement card)
    {
        var taskId = Str(card, "task_id");
        if (taskId is null || !TaskId().IsMatch(taskId)) return Invalid("template_card.task_id must be 1-128 of [A-Za-z0-9_-@]");
        if (!card.TryGetProperty("main_title", out var title) || string.IsNullOrEmpty(Str(title, "title")))
            return Invalid("template_card.main_title.title is required");
        if (!card.TryGetProperty("button_list", out var buttons) || buttons.ValueKind != JsonValueKind.Array
            || buttons.GetArrayLength() is < 1 or > WeComTemplateCard.MaxButtons)
            return Invalid("template_card.button_list must hold 1 to 6 buttons");
        foreach (var button in buttons.EnumerateArray())
        {
            if (string.IsNullOrEmpty(Str(button, "text"))) return Invalid("button_list.text is required");
            if (Int(button, "style") is < 1 or > 4) return Invalid("button_list.style must be 1 to 4");
            var type = Int(button, "type") ?? 0;
            var key = Str(button, "key");
            if (type == 0 && (string.IsNullOrEmpty(key) || Bytes(key) > 1024)) return Invalid("button_list.key is required, at most 1024 bytes");
        }
        return null;
    }

    private static int Bytes(string s) => Encoding.UTF8.GetByteCount(s);

    private static StandInRefusal Invalid(string what) => new(WeComErrors.InvalidParameter, $"invalid parameter: {what}");

    [GeneratedRegex("^[A-Za-z0-9_@-]{1,128}$")]
    private static partial Regex TaskId();
}
