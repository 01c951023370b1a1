using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GovBot.Host.WeCom.Api;

/// <summary>
/// Readiness line "wecom-token": whether an access token can be had. A probe reads the token provider's shared cache
/// and asks WeCom only when that is empty (as the next push would anyway); after a refused or failed fetch it answers
/// unready from memory, without asking WeCom, until a fetch succeeds or <see cref="RetryAfter"/> has passed — so a load
/// balancer probing every few seconds never turns into one gettoken call per probe.
/// </summary>
public sealed class WeComTokenHealth(IServiceProvider services, TimeProvider time) : IHealthCheck
{
    /// <summary>How long a failed fetch stands before a probe may ask WeCom once more (pushes retry on their own meanwhile).</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(30);

    private sealed record Failure(string Why, DateTimeOffset At);

    private volatile Failure? _failure;

    /// <summary>Called by the token provider after every fetch it made.</summary>
    public void Succeeded() => _failure = null;

    public void Failed(string why) => _failure = new Failure(why, time.GetUtcNow());

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (_failure is { } failure && time.GetUtcNow() - failure.At < RetryAfter) return Unready(failure.Why);
        try
        {
            await services.GetRequiredService<IWeComAccessTokenProvider>().GetTokenAsync(cancellationToken);
            return HealthCheckResult.Healthy("An access token is at hand.");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The provider recorded a WeCom refusal itself; anything else (the state store down) is reported as it is.
            return Unready(_failure?.Why ?? e.Message);
        }
    }

    private static HealthCheckResult Unready(string why) =>
        HealthCheckResult.Unhealthy("No WeCom access token can be had, so nothing can be pushed: " + why +
                                    ". Check WeCom:CorpId/WeCom:Secret and that WeCom's API is reachable.");
}
