using GovBot.Host.WeCom.Api;

namespace GovBot.Host.WeCom.CustomerService;

/// <summary>WeCom's customer-service (微信客服) endpoints the channel uses.</summary>
public interface ICustomerServiceApi
{
    Task<KfSyncResult> SyncAsync(KfSyncRequest request, CancellationToken ct = default);
    Task<KfSendResult> SendAsync(KfSendMessage message, CancellationToken ct = default);
    Task<KfSendResult> SendOnEventAsync(KfEventMessage message, CancellationToken ct = default);
}

/// <summary>
/// <see cref="ICustomerServiceApi"/> over HTTP with the app's access token (the self-built app must be granted the
/// customer-service API in WeCom's console). A refused token is refreshed and the call tried once more.
/// </summary>
public sealed class CustomerServiceApiClient(HttpClient http, IWeComAccessTokenProvider tokens, WeComMetrics metrics) : ICustomerServiceApi
{
    public Task<KfSyncResult> SyncAsync(KfSyncRequest request, CancellationToken ct = default) =>
        PostAsync<KfSyncRequest, KfSyncResult>("kf/sync_msg", request, ct);

    public Task<KfSendResult> SendAsync(KfSendMessage message, CancellationToken ct = default) =>
        PostAsync<KfSendMessage, KfSendResult>("kf/send_msg", message, ct);

    public Task<KfSendResult> SendOnEventAsync(KfEventMessage message, CancellationToken ct = default) =>
        PostAsync<KfEventMessage, KfSendResult>("kf/send_msg_on_event", message, ct);

    private async Task<TResult> PostAsync<TBody, TResult>(string endpoint, TBody body, CancellationToken ct) where TResult : WeComResult
    {
        var token = await tokens.GetTokenAsync(ct);
        var result = await CallAsync<TBody, TResult>(endpoint, token, body, ct);
        if (result.Kind != WeComErrorKind.TokenRejected) return result;
        token = await tokens.RefreshAsync(token, ct);
        return await CallAsync<TBody, TResult>(endpoint, token, body, ct);
    }

    private Task<TResult> CallAsync<TBody, TResult>(string endpoint, string token, TBody body, CancellationToken ct) where TResult : WeComResult =>
        WeComHttp.GuardAsync(endpoint, ct, async () =>
        {
            using var content = WeComHttp.JsonBody(body);
            using var response = await http.PostAsync($"cgi-bin/{endpoint}?access_token={WeComHttp.Query(token)}", content, ct);
            WeComHttp.EnsureAnswered(response, endpoint);
            var result = await WeComHttp.ReadResultAsync<TResult>(response, endpoint, ct);
            metrics.ApiCalled(endpoint, result.ErrCode);
            return result;
        });
}
