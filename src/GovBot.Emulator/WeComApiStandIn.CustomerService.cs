using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using GovBot.Host.WeCom.Api;

namespace GovBot.Emulator;

/// <summary>
/// The customer-service API (微信客服) as WeCom serves it: kf/sync_msg pages a log of messages and events per account
/// from a cursor (messages of the last three days, at most 1000 a page, the callback's token checked), kf/send_msg
/// keeps the five-messages-in-48-hours window per WeChat user and refuses outside it, and kf/send_msg_on_event takes a
/// welcome code once within 20 seconds. What a WeChat user does is added with <see cref="KfWrite"/> and friends; the
/// emulator's <see cref="WeChatUserSimulator"/> then sends the kf_msg_or_event callback as WeCom would.
/// </summary>
public sealed partial class WeComApiStandIn
{
    public const int KfSendLimitReached = 95001, KfInvalidToken = 95007, KfDuplicateMsgId = 95008, KfSessionNotServable = 95018;
    private static readonly TimeSpan KfWindow = TimeSpan.FromHours(48), KfHistory = TimeSpan.FromDays(3), KfWelcomeLifetime = TimeSpan.FromSeconds(20);

    private readonly ConcurrentDictionary<string, List<JsonObject>> _kfLogs = new();
    private readonly ConcurrentDictionary<string, (string OpenKfId, DateTimeOffset Until)> _kfTokens = new();
    private readonly ConcurrentDictionary<string, KfWindowState> _kfWindows = new();
    private readonly ConcurrentDictionary<string, (string ExternalUserId, DateTimeOffset At, int Used)> _kfWelcomeCodes = new();
    private readonly ConcurrentDictionary<string, byte> _kfMsgIds = new();
    private long _kfSeq;

    private sealed class KfWindowState
    {
        public DateTimeOffset LastInbound;
        public int Sent;
        public bool WithServicer;
    }

    /// <summary>How many kf/sync_msg calls were answered.</summary>
    public int KfSyncCalls => Volatile.Read(ref _kfSyncCalls);
    private int _kfSyncCalls;

    /// <summary>A WeChat user writes (or taps a menu item: <paramref name="menuId"/>); returns the callback's token.</summary>
    public string KfWrite(string openKfId, string externalUserId, string text, string? menuId = null) =>
        KfWriteMessage(openKfId, externalUserId, text, menuId).Token;

    /// <summary>As <see cref="KfWrite"/>, with the msgid WeCom gave the message (the load tool's audit looks for it).</summary>
    public (string Token, string MsgId) KfWriteMessage(string openKfId, string externalUserId, string text, string? menuId = null)
    {
        var now = _options.Time.GetUtcNow();
        ReopenSession(openKfId, externalUserId);
        var window = _kfWindows.GetOrAdd(externalUserId, _ => new KfWindowState());
        lock (window) (window.LastInbound, window.Sent) = (now, 0);
        var textNode = new JsonObject { ["content"] = text };
        if (menuId is not null) textNode["menu_id"] = menuId;
        var message = new JsonObject { ["origin"] = 3, ["external_userid"] = externalUserId, ["msgtype"] = "text", ["text"] = textNode };
        var token = KfAppend(openKfId, message, now);
        return (token, message["msgid"]!.GetValue<string>());
    }

    /// <summary>A WeChat user opens the session from a link or code with <paramref name="sceneParam"/>; returns the token.</summary>
    public string KfEnter(string openKfId, string externalUserId, string? scene = null, string? sceneParam = null)
    {
        var now = _options.Time.GetUtcNow();
        var code = StandInIds.New(32);
        _kfWelcomeCodes[code] = (externalUserId, now, 0);
        return KfAppend(openKfId, KfEvent("enter_session", openKfId, externalUserId, e =>
        {
            if (scene is not null) e["scene"] = scene;
            if (sceneParam is not null) e["scene_param"] = sceneParam;
            e["welcome_code"] = code;
        }), now);
    }

    /// <summary>The session moves (1 a servicer took it, 3 a servicer ended it, ...); returns the token.</summary>
    public string KfSessionChange(string openKfId, string externalUserId, int changeType, string? oldServicer = null, string? newServicer = null)
    {
        var window = _kfWindows.GetOrAdd(externalUserId, _ => new KfWindowState());
        lock (window) window.WithServicer = changeType != 3;
        return KfAppend(openKfId, KfEvent("session_status_change", openKfId, externalUserId, e =>
        {
            e["change_type"] = changeType;
            if (oldServicer is not null) e["old_servicer_userid"] = oldServicer;
            if (newServicer is not null) e["new_servicer_userid"] = newServicer;
        }), _options.Time.GetUtcNow());
    }

    /// <summary>WeCom could not deliver a message it accepted (<paramref name="failMsgId"/>); returns the token.</summary>
    public string KfSendFailed(string openKfId, string externalUserId, string failMsgId, int failType = 0) =>
        KfAppend(openKfId, KfEvent("msg_send_fail", openKfId, externalUserId, e =>
        {
            e["fail_msgid"] = failMsgId;
            e["fail_type"] = failType;
        }), _options.Time.GetUtcNow());

    /// <summary>The kf/send_msg and kf/send_msg_on_event calls that reached <paramref name="externalUserId"/>.</summary>
    public IReadOnlyList<WeComApiCall> KfSentTo(string externalUserId) =>
        Calls.Where(c => c.Endpoint is "kf/send_msg" or "kf/send_msg_on_event" && c.Recipients.Contains(externalUserId)).ToList();

    /// <summary>What a WeChat user sees of a kf message: the text, or a menu's head and items.</summary>
    public static string KfText(WeComApiCall call)
    {
        var body = call.Body;
        if (body.TryGetProperty("text", out var text)) return text.GetProperty("content").GetString() ?? "";
        if (!body.TryGetProperty("msgmenu", out var menu)) return body.ToString();
        var lines = new List<string>();
        if (menu.TryGetProperty("head_content", out var head)) lines.Add(head.GetString() ?? "");
        lines.AddRange(menu.GetProperty("list").EnumerateArray().Select(i => i.GetProperty("click").GetProperty("content").GetString() ?? ""));
        return string.Join("\n", lines);
    }

    /// <summary>The items (id, words) of a menu message, for tapping one.</summary>
    public static IReadOnlyList<(string Id, string Content)> KfMenuItems(WeComApiCall call) =>
        call.Body.TryGetProperty("msgmenu", out var menu)
            ? [.. menu.GetProperty("list").EnumerateArray().Select(i => i.GetProperty("click"))
                .Select(c => (c.GetProperty("id").GetString() ?? "", c.GetProperty("content").GetString() ?? ""))]
            : [];

    private static JsonObject KfEvent(string type, string openKfId, string externalUserId, Action<JsonObject> fill)
    {
        var e = new JsonObject { ["event_type"] = type, ["open_kfid"] = openKfId, ["external_userid"] = externalUserId };
        fill(e);
        return new JsonObject { ["origin"] = 4, ["msgtype"] = "event", ["event"] = e };
    }

    private string KfAppend(string openKfId, JsonObject message, DateTimeOffset now)
    {
        message["msgid"] = "kfmsg" + Interlocked.Increment(ref _kfSeq).ToString(CultureInfo.InvariantCulture);
        message["open_kfid"] = openKfId;
        message["send_time"] = now.ToUnixTimeSeconds();
        var log = _kfLogs.GetOrAdd(openKfId, _ => []);
        lock (log) log.Add(message);
        var token = StandInIds.New(24);
        _kfTokens[token] = (openKfId, now + TimeSpan.FromMinutes(10));
        return token;
    }

    private void MapCustomerServiceEndpoints(WebApplication app)
    {
        app.MapPost("/cgi-bin/kf/sync_msg", KfSyncAsync);
        app.MapPost("/cgi-bin/kf/send_msg", KfSendAsync);
        app.MapPost("/cgi-bin/kf/send_msg_on_event", KfSendOnEventAsync);
    }

    private async Task KfSyncAsync(HttpContext ctx)
    {
        if (await ServeFaultAsync(ctx) || await RefuseTokenAsync(ctx)) return;
        if (await ReadBodyAsync(ctx) is not { } body) return;
        var openKfId = StandInRules.Str(body, "open_kfid") ?? "";
        var limit = StandInRules.Int(body, "limit") ?? 1000;
        if (limit is < 1 or > 1000)
        {
            await AnswerAsync(ctx, Error(WeComErrors.InvalidParameter, "invalid limit"));
            return;
        }
        var now = _options.Time.GetUtcNow();
        if (StandInRules.Str(body, "token") is { Length: > 0 } token
            && (!_kfTokens.TryGetValue(token, out var grant) || grant.OpenKfId != openKfId || grant.Until < now))
        {
            await AnswerAsync(ctx, Error(KfInvalidToken, "invalid msg token"));
            return;
        }
        Interlocked.Increment(ref _kfSyncCalls);
        var cursor = StandInRules.Str(body, "cursor");
        var from = cursor is { Length: > 1 } c && long.TryParse(c.AsSpan(1), CultureInfo.InvariantCulture, out var n) ? n : 0;
        var log = _kfLogs.GetOrAdd(openKfId, _ => []);
        List<JsonObject> page;
        int total;
        lock (log)
        {
            total = log.Count;
            page = [.. log.Skip((int)from).Take(limit)
                .Where(m => DateTimeOffset.FromUnixTimeSeconds(m["send_time"]!.GetValue<long>()) > now - KfHistory)
                .Select(m => (JsonObject)m.DeepClone())];
        }
        var next = Math.Min(total, from + limit);
        var answer = Ok();
        answer["next_cursor"] = "c" + next.ToString(CultureInfo.InvariantCulture);
        answer["has_more"] = next < total ? 1 : 0;
        answer["msg_list"] = new JsonArray([.. page]);
        await AnswerAsync(ctx, answer);
    }

    private async Task KfSendAsync(HttpContext ctx)
    {
        if (await ServeFaultAsync(ctx) || await RefuseTokenAsync(ctx)) return;
        if (await ReadBodyAsync(ctx) is not { } body) return;
        var to = StandInRules.Str(body, "touser") ?? "";
        if (KfCheckBody(body) is { } refusal)
        {
            await AnswerAsync(ctx, refusal);
            return;
        }
        if (StandInRules.Str(body, "msgid") is { Length: > 0 } msgId && !_kfMsgIds.TryAdd(msgId, 0))
        {
            await AnswerAsync(ctx, Error(KfDuplicateMsgId, "duplicate msgid"));
            return;
        }
        var now = _options.Time.GetUtcNow();
        if (!_kfWindows.TryGetValue(to, out var window))
        {
            await AnswerAsync(ctx, Error(KfSendLimitReached, "send msg count limit: the user has not written"));
            return;
        }
        JsonObject? closed = null;
        lock (window)
        {
            if (window.WithServicer) closed = Error(KfSessionNotServable, "session is with a servicer");
            else if (now - window.LastInbound >= KfWindow || window.Sent >= 5)
                closed = Error(KfSendLimitReached, "send msg count limit: 5 messages in 48 hours after the user's message");
            else window.Sent++;
        }
        if (closed is not null)
        {
            await AnswerAsync(ctx, closed);
            return;
        }
        await KfRecordAndAnswerAsync(ctx, "kf/send_msg", to, body);
    }

    private async Task KfSendOnEventAsync(HttpContext ctx)
    {
        if (await ServeFaultAsync(ctx) || await RefuseTokenAsync(ctx)) return;
        if (await ReadBodyAsync(ctx) is not { } body) return;
        if (KfCheckBody(body) is { } refusal)
        {
            await AnswerAsync(ctx, refusal);
            return;
        }
        var code = StandInRules.Str(body, "code") ?? "";
        var now = _options.Time.GetUtcNow();
        if (!_kfWelcomeCodes.TryGetValue(code, out var grant) || now - grant.At > KfWelcomeLifetime
            || !_kfWelcomeCodes.TryUpdate(code, grant with { Used = 1 }, grant with { Used = 0 }))
        {
            await AnswerAsync(ctx, Error(WeComErrors.InvalidParameter, "invalid code: expired or used"));
            return;
        }
        await KfRecordAndAnswerAsync(ctx, "kf/send_msg_on_event", grant.ExternalUserId, body);
    }

    private Task KfRecordAndAnswerAsync(HttpContext ctx, string endpoint, string to, JsonElement body)
    {
        var msgId = StandInRules.Str(body, "msgid") ?? StandInIds.New(16);
        _recorder.Record(seq => new WeComApiCall(seq, endpoint, _options.Time.GetUtcNow(), StandInRules.Str(body, "msgtype"), [to], body, msgId, null));
        var answer = Ok();
        answer["msgid"] = msgId;
        return AnswerAsync(ctx, answer);
    }

    private static JsonObject? KfCheckBody(JsonElement body) => StandInRules.Str(body, "msgtype") switch
    {
        "text" when body.TryGetProperty("text", out var t) && StandInRules.Str(t, "content") is { Length: > 0 } content
                    && System.Text.Encoding.UTF8.GetByteCount(content) <= 2048 => null,
        "msgmenu" when body.TryGetProperty("msgmenu", out var m) && m.TryGetProperty("list", out var list)
                       && list.GetArrayLength() is > 0 and <= 10 => null,
        _ => Error(WeComErrors.InvalidParameter, "invalid message: text needs content of at most 2048 bytes, msgmenu 1 to 10 items"),
    };
}
