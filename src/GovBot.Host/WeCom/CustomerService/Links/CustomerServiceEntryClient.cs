using GovBot.Host.WeCom.Api;

namespace GovBot.Host.WeCom.CustomerService.Links;

/// <summary>The customer-service calls the entry links and the handoff make; the channel's own (sync, send) live elsewhere.</summary>
public interface ICustomerServiceEntryClient
{
    /// <summary>kf/add_contact_way: a link to <paramref name="openKfId"/> that brings <paramref name="scene"/> into enter_session.</summary>
    Task<KfContactWayResult> AddContactWayAsync(string openKfId, string scene, CancellationToken ct);

    Task<KfServiceStateResult> GetServiceStateAsync(string openKfId, string externalUserId, CancellationToken ct);

    /// <summary>kf/service_state/trans: <paramref name="serviceState"/> 3 hands the session to <paramref name="servicerUserId"/>.</summary>
    Task<KfServiceTransResult> TransServiceStateAsync(string openKfId, string externalUserId, int serviceState, string? servicerUserId, CancellationToken ct);
}

/// <summary>
/// Over HTTP with the application's access token (the app must be listed under 微信客服 → 可调用接口的应用). A refused
/// token is fetched again once, as <see cref="WeComApiClient"/> does; any other answer is the caller's to judge.
/// </summary>
public sealed class CustomerServiceEntryClient(HttpClient http, IWeComAccessTokenProvider tokens, WeComMetrics metrics) : ICustomerServiceEntryClient
{
    public Task<KfContactWayResult> AddContactWayAsync(string openKfId, string scene, CancellationToken ct) =>
        PostAsync<KfContactWayRequest, KfContactWayResult>("kf/add_contact_way", new(openKfId, scene), ct);

    public Task<KfServiceStateResult> GetServiceStateAsync(string openKfId, string externalUserId, CancellationToken ct) =>
        PostAsync<KfServiceStateRequest, KfServiceStateResult>("kf/service_state/get", new(openKfId, externalUserId), ct);

    public Task<KfServiceTransResult> TransServiceStateAsync(
        string openKfId, string externalUserId, int serviceState, string? servicerUserId, CancellationToken ct) =>
        PostAsync<KfServiceTransRequest, KfServiceTransResult>(
            "kf/service_state/trans", new(openKfId, externalUserId, serviceState, servicerUserId), ct);

    private async Task<TResult> PostAsync<TBody, TResult>(string endpoint, TBody body, CancellationToken ct) where TResult : WeComResult
    {
        var token = await tokens.GetTokenAsync(ct);
        var result = await AskAsync<TBody, TResult>(endpoint, token, body, ct);
        if (result.Kind == WeComErrorKind.TokenRejected)
            result = await AskAsync<TBody, TResult>(endpoint, await tokens.RefreshAsync(token, ct), body, ct);
        metrics.ApiCalled(endpoint, result.ErrCode);
        return result;
    }

    private Task<TResult> AskAsync<TBody, TResult>(string endpoint, string token, TBody body, CancellationToken ct) where TResult : WeComResult =>
        WeComHttp.GuardAsync(endpoint, ct, async () =>
        {
            using var content = WeComHttp.JsonBody(body);
            using var response = await http.PostAsync($"cgi-bin/{endpoint}?access_token={WeComHttp.Query(token)}", content, ct);
            WeComHttp.EnsureAnswered(response, endpoint);
            return await WeComHttp.ReadResultAsync<TResult>(response, endpoint, ct);
        });
}
