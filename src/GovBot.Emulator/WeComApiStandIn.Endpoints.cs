using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using GovBot.Host.WeCom.Api;

namespace GovBot.Emulator;

public sealed partial class WeComApiStandIn
{
    private void MapEndpoints(WebApplication app)
    {
        app.MapGet("/cgi-bin/gettoken", GetTokenAsync);
        app.MapPost("/cgi-bin/message/send", SendAsync);
        app.MapPost("/cgi-bin/message/update_template_card", UpdateTemplateCardAsync);
        app.MapGet("/cgi-bin/media/get", GetMediaAsync);
        MapOAuthEndpoints(app);
        MapDirectoryEndpoints(app);
        MapCustomerServiceLinkEndpoints(app);
        MapCustomerServiceStateEndpoints(app);
        MapCustomerServiceEndpoints(app);
        MapAppChatEndpoints(app);
    }

    private async Task GetTokenAsync(HttpContext ctx)
    {
        Interlocked.Increment(ref _tokenRequests);
        if (await ServeFaultAsync(ctx, _tokenFaults)) return;
        var query = ctx.Request.Query;
        if (query["corpid"] != _options.CorpId)
        {
            await AnswerAsync(ctx, Error(WeComErrors.InvalidCorpId, "invalid corpid"));
            return;
        }
        if (query["corpsecret"] != _options.CorpSecret)
        {
            await AnswerAsync(ctx, Error(WeComErrors.InvalidSecret, "invalid credential"));
            return;
        }
        var answer = Ok();
        answer["access_token"] = _tokens.Issue();
        answer["expires_in"] = (int)_tokens.Lifetime.TotalSeconds;
        await AnswerAsync(ctx, answer);
    }

    private async Task SendAsync(HttpContext ctx)
    {
        if (await ServeFaultAsync(ctx) || await RefuseTokenAsync(ctx)) return;
        if (await ReadBodyAsync(ctx) is not { } body) return;
        if (StandInRules.CheckSend(body, _options.AgentId) is { } refusal)
        {
            await AnswerAsync(ctx, Error(refusal));
            return;
        }

        var users = StandInRules.Users(body);
        var invalid = users.Where(u => !IsKnown(u)).ToList();
        var reached = users.Where(IsKnown).ToList();
        if (reached.Count == 0)
        {
            var none = Error(WeComErrors.AllRecipientsInvalid, "user & party & tag all invalid");
            none["invaliduser"] = string.Join('|', invalid);
            await AnswerAsync(ctx, none);
            return;
        }

        var msgType = StandInRules.Str(body, "msgtype");
        if (DuplicateOf(body, msgType) is { } original)
        {
            // WeCom drops a message identical to one sent within the interval; the caller hears of the first.
            var same = Ok();
            same["invaliduser"] = string.Join('|', invalid);
            same["msgid"] = original;
            await AnswerAsync(ctx, same);
            return;
        }
        string? responseCode = null;
        if (body.TryGetProperty("template_card", out var card) && StandInRules.Str(card, "card_type") == WeComTemplateCard.ButtonInteraction)
        {
            var taskId = StandInRules.Str(card, "task_id")!;
            if (!_taskIds.TryAdd(taskId, 0))
            {
                await AnswerAsync(ctx, Error(WeComErrors.InvalidParameter, "invalid parameter: task_id already used by this application"));
                return;
            }
            responseCode = IssueResponseCode(taskId, reached);
        }

        var msgId = StandInIds.New(40);
        RememberForDuplicateCheck(body, msgType, msgId);
        _recorder.Record(seq => new WeComApiCall(seq, "message/send", _options.Time.GetUtcNow(), msgType, reached, body, msgId, responseCode));
        var answer = Ok();
        answer["invaliduser"] = string.Join('|', invalid);
        answer["invalidparty"] = "";
        answer["invalidtag"] = "";
        answer["unlicenseduser"] = "";
        answer["msgid"] = msgId;
        if (responseCode is not null) answer["response_code"] = responseCode;
        await AnswerAsync(ctx, answer);
    }

    private async Task UpdateTemplateCardAsync(HttpContext ctx)
    {
        if (await ServeFaultAsync(ctx) || await RefuseTokenAsync(ctx)) return;
        if (await ReadBodyAsync(ctx) is not { } body) return;
        if (StandInRules.CheckUpdate(body, _options.AgentId) is { } refusal)
        {
            await AnswerAsync(ctx, Error(refusal));
            return;
        }

        var code = StandInRules.Str(body, "response_code")!;
        if (!_responseCodes.TryGetValue(code, out var grant))
        {
            await AnswerAsync(ctx, Error(WeComErrors.InvalidParameter, "invalid parameter: unknown response_code"));
            return;
        }
        if (Interlocked.Exchange(ref grant.Used, 1) == 1)
        {
            await AnswerAsync(ctx, Error(WeComErrors.InvalidParameter, "invalid parameter: response_code already used"));
            return;
        }

        var named = StandInRules.UserIds(body);
        var recipients = named.Count > 0 ? named.Where(IsKnown).ToList() : grant.Recipients;
        _recorder.Record(seq => new WeComApiCall(seq, "message/update_template_card", _options.Time.GetUtcNow(), null, recipients, body, null, code));
        var answer = Ok();
        // Unlike message/send, this endpoint lists invalid users as an array.
        answer["invaliduser"] = new JsonArray(named.Where(u => !IsKnown(u)).Select(u => (JsonNode)JsonValue.Create(u)!).ToArray());
        await AnswerAsync(ctx, answer);
    }

    private async Task GetMediaAsync(HttpContext ctx)
    {
        if (await ServeFaultAsync(ctx) || await RefuseTokenAsync(ctx)) return;
        var mediaId = ctx.Request.Query["media_id"].ToString();
        if (!_media.TryGetValue(mediaId, out var media))
        {
            await AnswerAsync(ctx, Error(WeComErrors.InvalidMediaId, "invalid media_id"));
            return;
        }

        var request = JsonSerializer.SerializeToElement(new JsonObject { ["media_id"] = mediaId });
        _recorder.Record(seq => new WeComApiCall(seq, "media/get", _options.Time.GetUtcNow(), null, [], request, null, null));
        ctx.Response.ContentType = media.ContentType;
        ctx.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment")
        {
            FileName = $"\"{(media.FileName.All(char.IsAscii) ? media.FileName : mediaId)}\"",
            FileNameStar = media.FileName,
        }.ToString();
        await ctx.Response.Body.WriteAsync(media.Content, ctx.RequestAborted);
    }

    /// <summary>Serves the next planned fault of <paramref name="queue"/> (the sending API's by default), if any; true when that answered the call.</summary>
    private async Task<bool> ServeFaultAsync(HttpContext ctx, StandInFaultQueue? queue = null)
    {
        var fault = (queue ?? _faults).Next();
        if (fault is not null) Interlocked.Increment(ref _faultsServed);
        switch (fault)
        {
            case StandInFault.Http http:
                ctx.Response.StatusCode = http.Status;
                await ctx.Response.WriteAsync("stand-in fault");
                return true;
            case StandInFault.Refusal refusal:
                await AnswerAsync(ctx, Error(refusal.ErrCode, refusal.ErrMsg));
                return true;
            case StandInFault.Hang hang:
                try
                {
                    await Task.Delay(hang.Duration, ctx.RequestAborted);
                    return false;
                }
                catch (OperationCanceledException)
                {
                    return true; // the client gave up; like WeCom, do nothing it cannot learn about
                }
            default:
                return false;
        }
    }

    private async Task<bool> RefuseTokenAsync(HttpContext ctx)
    {
        var verdict = _tokens.Check(ctx.Request.Query["access_token"]);
        if (verdict == StandInTokens.Verdict.Valid) return false;
        var message = verdict == StandInTokens.Verdict.Expired ? "access_token expired" : "invalid access_token";
        await AnswerAsync(ctx, Error(ErrCodeFor(verdict), message));
        return true;
    }

    /// <summary>The parsed body, or null after answering the refusal WeCom gives unreadable bodies.</summary>
    private static async Task<JsonElement?> ReadBodyAsync(HttpContext ctx)
    {
        using var buffer = new MemoryStream();
        await ctx.Request.Body.CopyToAsync(buffer, ctx.RequestAborted);
        var bytes = buffer.ToArray();
        if (StandInRules.HasUnicodeEscape(bytes))
        {
            await AnswerAsync(ctx, Error(WeComErrors.InvalidCharacters, "invalid charset. please check your request, if include \\uxxxx will create fail!"));
            return null;
        }
        try
        {
            using var doc = JsonDocument.Parse(bytes);
            return doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            await AnswerAsync(ctx, Error(47001, "data format error, Warning: wrong json format."));
            return null;
        }
    }

    private static JsonObject Ok() => new() { ["errcode"] = 0, ["errmsg"] = "ok" };

    private static JsonObject Error(StandInRefusal refusal) => Error(refusal.ErrCode, refusal.ErrMsg);

    private static JsonObject Error(int errcode, string errmsg) => new() { ["errcode"] = errcode, ["errmsg"] = errmsg };

    private static Task AnswerAsync(HttpContext ctx, JsonObject answer)
    {
        ctx.Response.ContentType = "application/json; charset=utf-8";
        return ctx.Response.WriteAsync(answer.ToJsonString(WeComJson.Options), ctx.RequestAborted);
    }
}
