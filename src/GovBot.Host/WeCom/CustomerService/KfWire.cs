using System.Text.Json.Serialization;
using GovBot.Host.WeCom.Api;

namespace GovBot.Host.WeCom.CustomerService;

/// <summary>kf/sync_msg's request: from <paramref name="Cursor"/>, at most <paramref name="Limit"/> (WeCom allows 1000).</summary>
public sealed record KfSyncRequest(
    [property: JsonPropertyName("cursor")] string? Cursor,
    [property: JsonPropertyName("token")] string? Token,
    [property: JsonPropertyName("limit")] int Limit,
    [property: JsonPropertyName("open_kfid")] string OpenKfId);

public sealed record KfSyncResult : WeComResult
{
    [JsonPropertyName("next_cursor")] public string? NextCursor { get; init; }
    [JsonPropertyName("has_more")] public int HasMore { get; init; }
    [JsonPropertyName("msg_list")] public List<KfMessage>? MsgList { get; init; }
}

/// <summary>One pulled message or event. <see cref="Origin"/>: 3 the WeChat user, 4 a system event, 5 a servicer.</summary>
public sealed record KfMessage
{
    public const int FromCustomer = 3, FromSystem = 4, FromServicer = 5;

    [JsonPropertyName("msgid")] public required string MsgId { get; init; }
    [JsonPropertyName("open_kfid")] public string? OpenKfId { get; init; }
    [JsonPropertyName("external_userid")] public string? ExternalUserId { get; init; }
    [JsonPropertyName("send_time")] public long SendTime { get; init; }
    [JsonPropertyName("origin")] public int Origin { get; init; }
    [JsonPropertyName("servicer_userid")] public string? ServicerUserId { get; init; }
    [JsonPropertyName("msgtype")] public required string MsgType { get; init; }
    [JsonPropertyName("text")] public KfText? Text { get; init; }
    [JsonPropertyName("image")] public KfMedia? Image { get; init; }
    [JsonPropertyName("voice")] public KfMedia? Voice { get; init; }
    [JsonPropertyName("location")] public KfLocation? Location { get; init; }
    [JsonPropertyName("event")] public KfEvent? Event { get; init; }
}

/// <summary>A text; <see cref="MenuId"/> is set when the user tapped an item of a menu message.</summary>
public sealed record KfText(
    [property: JsonPropertyName("content")] string? Content,
    [property: JsonPropertyName("menu_id")] string? MenuId = null);

public sealed record KfMedia([property: JsonPropertyName("media_id")] string? MediaId);

public sealed record KfLocation(
    [property: JsonPropertyName("latitude")] double Latitude,
    [property: JsonPropertyName("longitude")] double Longitude,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("address")] string? Address);

public sealed record KfEvent
{
    public const string EnterSession = "enter_session", MsgSendFail = "msg_send_fail", SessionStatusChange = "session_status_change";

    [JsonPropertyName("event_type")] public required string EventType { get; init; }
    [JsonPropertyName("open_kfid")] public string? OpenKfId { get; init; }
    [JsonPropertyName("external_userid")] public string? ExternalUserId { get; init; }
    [JsonPropertyName("scene")] public string? Scene { get; init; }
    [JsonPropertyName("scene_param")] public string? SceneParam { get; init; }
    [JsonPropertyName("welcome_code")] public string? WelcomeCode { get; init; }
    [JsonPropertyName("fail_msgid")] public string? FailMsgId { get; init; }
    [JsonPropertyName("fail_type")] public int? FailType { get; init; }
    [JsonPropertyName("change_type")] public int? ChangeType { get; init; }
    [JsonPropertyName("old_servicer_userid")] public string? OldServicerUserId { get; init; }
    [JsonPropertyName("new_servicer_userid")] public string? NewServicerUserId { get; init; }
}

/// <summary>kf/send_msg's body; <see cref="MsgId"/> is ours, so a resend after a crash is recognised by WeCom.</summary>
public sealed record KfSendMessage
{
    [JsonPropertyName("touser")] public required string ToUser { get; init; }
    [JsonPropertyName("open_kfid")] public required string OpenKfId { get; init; }
    [JsonPropertyName("msgid")] public string? MsgId { get; init; }
    [JsonPropertyName("msgtype")] public required string MsgType { get; init; }
    [JsonPropertyName("text")] public KfText? Text { get; init; }
    [JsonPropertyName("msgmenu")] public KfMenu? Menu { get; init; }
}

/// <summary>kf/send_msg_on_event's body: one message in answer to an event's <see cref="Code"/> (the welcome code).</summary>
public sealed record KfEventMessage
{
    [JsonPropertyName("code")] public required string Code { get; init; }
    [JsonPropertyName("msgid")] public string? MsgId { get; init; }
    [JsonPropertyName("msgtype")] public required string MsgType { get; init; }
    [JsonPropertyName("text")] public KfText? Text { get; init; }
    [JsonPropertyName("msgmenu")] public KfMenu? Menu { get; init; }
}

/// <summary>A menu message: WeChat users cannot get template cards, so choices go out as tappable items.</summary>
public sealed record KfMenu(
    [property: JsonPropertyName("head_content")] string? HeadContent,
    [property: JsonPropertyName("list")] IReadOnlyList<KfMenuItem> List,
    [property: JsonPropertyName("tail_content")] string? TailContent = null);

public sealed record KfMenuItem(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("click")] KfMenuClick? Click);

public sealed record KfMenuClick(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("content")] string Content);

public sealed record KfSendResult : WeComResult
{
    [JsonPropertyName("msgid")] public string? MsgId { get; init; }
}

/// <summary>WeCom's errcodes of the customer-service API that the channel acts on.</summary>
public static class KfErrors
{
    /// <summary>The account's messages to this user are spent, or the 48-hour window is closed: hold, do not fail.</summary>
    public const int SendLimitReached = 95001;
    /// <summary>The session is not the app's to answer now (a servicer has it, or it ended).</summary>
    public const int SessionNotServable = 95018;
    /// <summary>sync_msg's token is invalid or expired.</summary>
    public const int InvalidToken = 95007;
    /// <summary>A msgid the account used before.</summary>
    public const int DuplicateMsgId = 95008;

    public static bool MeansWindowClosed(int errcode) => errcode is SendLimitReached or SessionNotServable;
}
