using System.Diagnostics;
using System.Net.Http.Headers;
using GovBot.Host.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GovBot.Host.WeCom.Api;

/// <summary>
/// <see cref="IWeComApi"/> over HTTP. A call WeCom refuses for its access token is retried once with
/// a fresh token; any other answer is returned as it is, for the caller to classify.
/// </summary>
public sealed class WeComApiClient(
    HttpClient http,
    IWeComAccessTokenProvider tokens,
    IOptions<WeComOptions> options,
    WeComMetrics metrics,
    ILogger<WeComApiClient> logger) : IWeComApi
{
    public Task<WeComSendResult> SendAsync(WeComMessage message, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.ToUser.Split('|').Length > WeComMessage.MaxUsersPerCall)
            throw new ArgumentException($"WeCom takes at most {WeComMessage.MaxUsersPerCall} users per call.", nameof(message));
        WeComMessage body = message.AgentId == 0 ? message with { AgentId = options.Value.AgentId } : message;
        return WithTokenAsync("message/send", (token, c) => PostAsync<WeComMessage, WeComSendResult>("message/send", token, body, c), ct);
    }

    public Task<WeComSendResult> UpdateTemplateCardAsync(WeComTemplateCardUpdate update, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (update.UserIds is { Count: > WeComMessage.MaxUsersPerCall })
            throw new ArgumentException($"WeCom takes at most {WeComMessage.MaxUsersPerCall} users per call.", nameof(update));
        var body = update.AgentId == 0 ? update with { AgentId = options.Value.AgentId } : update;
        return WithTokenAsync("message/update_template_card",
            (token, c) => PostAsync<WeComTemplateCardUpdate, WeComSendResult>("message/update_template_card", token, body, c), ct);
    }

    public Task<WeComMediaResult> GetMediaAsync(string mediaId, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(mediaId);
        return WithTokenAsync("media/get", (token, c) => WeComHttp.GuardAsync("media/get", c, async () =>
        {
            var url = $"cgi-bin/media/get?access_token={WeComHttp.Query(token)}&media_id={WeComHttp.Query(mediaId)}";
            using var response = await http.GetAsync(url, c);
            WeComHttp.EnsureAnswered(response, "media/get");
            var headers = response.Content.Headers;
            var mediaType = headers.ContentType?.MediaType ?? "application/octet-stream";
            // A file always comes as an attachment; a refusal is a bare JSON body.
            if (headers.ContentDisposition is null && mediaType is "application/json" or "text/plain")
                return await WeComHttp.ReadResultAsync<WeComMediaResult>(response, "media/get", c);
            var bytes = await response.Content.ReadAsByteArrayAsync(c);
            return new WeComMediaResult { Media = new WeComMedia(bytes, mediaType, FileName(headers.ContentDisposition)) };
        }), ct);
    }

    public Task<WeComAppChatCreateResult> CreateAppChatAsync(WeComAppChatCreate chat, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(chat);
        return WithTokenAsync("appchat/create", (token, c) => PostAsync<WeComAppChatCreate, WeComAppChatCreateResult>("appchat/create", token, chat, c), ct);
    }

    public Task<WeComSendResult> SendAppChatAsync(WeComAppChatMessage message, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        return WithTokenAsync("appchat/send", (token, c) => PostAsync<WeComAppChatMessage, WeComSendResult>("appchat/send", token, message, c), ct);
    }

    private static string? FileName(ContentDispositionHeaderValue? disposition) =>
        disposition?.FileNameStar ?? disposition?.FileName?.Trim('"');

    private Task<TResult> PostAsync<TBody, TResult>(string endpoint, string token, TBody body, CancellationToken ct)
        where TResult : WeComResult =>
        WeComHttp.GuardAsync(endpoint, ct, async () =>
        {
            using var content = WeComHttp.JsonBody(body);
            using var response = await http.PostAsync($"cgi-bin/{endpoint}?access_token={WeComHttp.Query(token)}", content, ct);
            WeComHttp.EnsureAnswered(response, endpoint);
            return await WeComHttp.ReadResultAsync<TResult>(response, endpoint, ct);
        });

    private async Task<T> WithTokenAsync<T>(string endpoint, Func<string, CancellationToken, Task<T>> call, CancellationToken ct)
        where T : WeComResult
    {
        using var span = GovBotTelemetry.Source.StartActivity("wecom " + endpoint, ActivityKind.Client);
        var token = await tokens.GetTokenAsync(ct);
        var result = await CountedAsync(endpoint, call, token, span, ct);
        if (result.Kind != WeComErrorKind.TokenRejected) return result;

        // Tokens die early when the secret is reset or another system fetched too many; one retry is enough.
        logger.LogInformation("WeCom refused the access token on {Endpoint} (errcode {ErrCode}); fetching a new one", endpoint, result.ErrCode);
        token = await tokens.RefreshAsync(token, ct);
        return await CountedAsync(endpoint, call, token, span, ct);
    }

    /// <summary>One call, counted by its errcode (-2 when no WeCom answer came) and noted on the span.</summary>
    private async Task<T> CountedAsync<T>(string endpoint, Func<string, CancellationToken, Task<T>> call, string token, Activity? span, CancellationToken ct)
        where T : WeComResult
    {
        try
        {
            var result = await call(token, ct);
            metrics.ApiCalled(endpoint, result.ErrCode);
            span?.SetTag("wecom.errcode", result.ErrCode);
            if (result.ErrCode != 0) span?.SetStatus(ActivityStatusCode.Error, "errcode " + result.ErrCode);
            return result;
        }
        catch (WeComTransientException e)
        {
            metrics.ApiCalled(endpoint, NoAnswer);
            span?.SetStatus(ActivityStatusCode.Error, e.Message);
            throw;
        }
    }

    /// <summary>The errcode counted for a call that got no WeCom answer (network, HTTP status, timeout).</summary>
    private const int NoAnswer = -2;
}
