using System.Collections.Concurrent;
using System.Text.Json;
using GovBot.Host.WeCom.Api;

namespace GovBot.Emulator;

/// <summary>A group chat the app created on the stand-in: its name, owner and members.</summary>
public sealed record StandInAppChat(string ChatId, string Name, string? Owner, IReadOnlyList<string> Members);

/// <summary>
/// appchat/create and appchat/send as WeCom answers them: a chat of at least two known members, a text to a chat that
/// exists. Accepted sends are recorded as calls to "appchat/send" with the chat's members as recipients; faults injected
/// with <see cref="InjectFault"/> hit these endpoints as they hit message/send.
/// </summary>
public sealed partial class WeComApiStandIn
{
    /// <summary>The stand-in's answer to an unknown chatid (WeCom answers such a send with a refusal, not a transient error).</summary>
    public const int ChatNotFound = 86003;

    /// <summary>The stand-in's answer to a create naming a chatid already in use.</summary>
    public const int ChatIdTaken = 86215;

    private readonly ConcurrentDictionary<string, StandInAppChat> _chats = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, StandInAppChat> AppChats => _chats;

    private void MapAppChatEndpoints(WebApplication app)
    {
        app.MapPost("/cgi-bin/appchat/create", CreateAppChatAsync);
        app.MapPost("/cgi-bin/appchat/send", SendAppChatAsync);
    }

    private async Task CreateAppChatAsync(HttpContext ctx)
    {
        if (await ServeFaultAsync(ctx) || await RefuseTokenAsync(ctx)) return;
        if (await ReadBodyAsync(ctx) is not { } body) return;
        var name = StandInRules.Str(body, "name") ?? "";
        var chatId = StandInRules.Str(body, "chatid") ?? StandInIds.New(20);
        var members = body.TryGetProperty("userlist", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(e => e.ToString()).Distinct(StringComparer.Ordinal).ToList()
            : [];
        var refusal =
            name.Length is 0 or > 50 ? Error(WeComErrors.InvalidParameter, "invalid parameter: name")
            : members.Count is < 2 or > WeComAppChatCreate.MaxMembers ? Error(WeComErrors.InvalidUserIdListLength, "invalid userlist length")
            : members.FirstOrDefault(m => !IsKnown(m)) is { } unknown ? Error(WeComErrors.InvalidUserId, "invalid userid " + unknown)
            : chatId.Length > 32 || !chatId.All(char.IsAsciiLetterOrDigit) ? Error(WeComErrors.InvalidParameter, "invalid parameter: chatid")
            : null;
        if (refusal is not null)
        {
            await AnswerAsync(ctx, refusal);
            return;
        }
        var owner = StandInRules.Str(body, "owner");
        if (!_chats.TryAdd(chatId, new StandInAppChat(chatId, name, owner, members)))
        {
            await AnswerAsync(ctx, Error(ChatIdTaken, "chatid already exists"));
            return;
        }
        _recorder.Record(seq => new WeComApiCall(seq, "appchat/create", _options.Time.GetUtcNow(), null, members, body, null, null));
        var answer = Ok();
        answer["chatid"] = chatId;
        await AnswerAsync(ctx, answer);
    }

    private async Task SendAppChatAsync(HttpContext ctx)
    {
        if (await ServeFaultAsync(ctx) || await RefuseTokenAsync(ctx)) return;
        if (await ReadBodyAsync(ctx) is not { } body) return;
        var chatId = StandInRules.Str(body, "chatid") ?? "";
        if (!_chats.TryGetValue(chatId, out var chat))
        {
            await AnswerAsync(ctx, Error(ChatNotFound, "chatid not found"));
            return;
        }
        var msgType = StandInRules.Str(body, "msgtype");
        var content = body.TryGetProperty("text", out var text) ? StandInRules.Str(text, "content") : null;
        if (msgType != "text" || string.IsNullOrEmpty(content))
        {
            await AnswerAsync(ctx, Error(msgType == "text" ? WeComErrors.EmptyContent : WeComErrors.InvalidMsgType, "invalid message"));
            return;
        }
        _recorder.Record(seq => new WeComApiCall(seq, "appchat/send", _options.Time.GetUtcNow(), msgType, chat.Members, body, null, null));
        await AnswerAsync(ctx, Ok());
    }
}
