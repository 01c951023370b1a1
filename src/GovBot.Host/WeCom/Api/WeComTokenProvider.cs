using GovBot.Skills.State;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GovBot.Host.WeCom.Api;

/// <summary>
/// Fetches the access token from gettoken and keeps it in the shared state store, so every host
/// instance uses one token (WeCom limits gettoken calls, and a new token does not void the old one
/// but fetching per call would hit the limit). A lock across instances makes concurrent callers fetch once.
/// </summary>
public sealed class WeComTokenProvider(
    HttpClient http,
    IStateStore state,
    IOptions<WeComOptions> options,
    WeComTokenHealth health,
    WeComMetrics metrics,
    ILogger<WeComTokenProvider> logger) : IWeComAccessTokenProvider
{
    /// <summary>Stop using a token this long before WeCom says it expires, so no call carries a dying one.</summary>
    public static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan LockLease = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(30);
    private const string Endpoint = "gettoken";

    private WeComOptions Options => options.Value;
    private string CacheKey => $"wecom:token:{Options.CorpId}:{Options.AgentId}";
    private string LockKey => $"wecom:token-lock:{Options.CorpId}:{Options.AgentId}";

    public async Task<string> GetTokenAsync(CancellationToken ct = default)
    {
        if (await state.GetAsync(CacheKey, ct) is { } cached) return cached;

        // If the lock cannot be had in time, the holder is stuck; fetching ourselves costs one extra call.
        await using var lease = await state.AcquireLockAsync(LockKey, LockLease, LockWait, ct);
        // Whoever held the lock before us has most likely just stored a token.
        if (await state.GetAsync(CacheKey, ct) is { } fresh) return fresh;
        return await FetchAndStoreAsync(ct);
    }

    public async Task<string> RefreshAsync(string rejectedToken, CancellationToken ct = default)
    {
        await using var lease = await state.AcquireLockAsync(LockKey, LockLease, LockWait, ct);
        var current = await state.GetAsync(CacheKey, ct);
        if (current is not null && current != rejectedToken) return current;
        if (current is not null) await state.RemoveAsync(CacheKey, ct);
        return await FetchAndStoreAsync(ct);
    }

    private async Task<string> FetchAndStoreAsync(CancellationToken ct)
    {
        try
        {
            var token = await FetchAsync(ct);
            health.Succeeded();
            metrics.TokenFetched(ok: true);
            return token;
        }
        catch (WeComTransientException e)
        {
            // Readiness says so until the next fetch succeeds (see WeComTokenHealth).
            health.Failed(e.Message);
            metrics.TokenFetched(ok: false);
            throw;
        }
    }

    private async Task<string> FetchAsync(CancellationToken ct)
    {
        var url = $"cgi-bin/gettoken?corpid={WeComHttp.Query(Options.CorpId)}&corpsecret={WeComHttp.Query(Options.Secret)}";
        var result = await WeComHttp.GuardAsync(Endpoint, ct, async () =>
        {
            using var response = await http.GetAsync(url, ct);
            WeComHttp.EnsureAnswered(response, Endpoint);
            return await WeComHttp.ReadResultAsync<WeComTokenResult>(response, Endpoint, ct);
        });
        if (!result.IsOk || string.IsNullOrEmpty(result.AccessToken))
        {
            // A wrong secret or corp id is a configuration fault: nothing can be sent until it is fixed,
            // but pushes must wait for that rather than be dropped, hence "transient".
            logger.LogError("WeCom refused to issue an access token: errcode {ErrCode} {ErrMsg}", result.ErrCode, result.ErrMsg);
            throw new WeComTransientException($"{Endpoint}: errcode {result.ErrCode} {result.ErrMsg}");
        }

        var lifetime = TimeSpan.FromSeconds(result.ExpiresIn > 0 ? result.ExpiresIn : 7200);
        var keep = lifetime > RefreshMargin * 2 ? lifetime - RefreshMargin : lifetime / 2;
        await state.SetAsync(CacheKey, result.AccessToken, keep, ct);
        logger.LogInformation("Fetched a WeCom access token valid for {Seconds} s", result.ExpiresIn);
        return result.AccessToken;
    }
}
