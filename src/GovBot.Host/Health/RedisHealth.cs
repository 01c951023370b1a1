using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace GovBot.Host.Health;

/// <summary>
/// Readiness line "redis", registered only when ConnectionStrings:Redis is set: dialogs, turn leases and WeCom's send
/// limits live there, so without it this instance cannot answer anyone. One PING, bounded so a probe answers quickly.
/// </summary>
public sealed class RedisHealth(IConnectionMultiplexer redis) : IHealthCheck
{
    private static readonly TimeSpan PingLimit = TimeSpan.FromSeconds(2);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!redis.IsConnected) return Unreachable("not connected");
        try
        {
            await redis.GetDatabase().PingAsync().WaitAsync(PingLimit, cancellationToken);
            return HealthCheckResult.Healthy("Redis answers.");
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return Unreachable(e.GetType().Name);
        }
    }

    private static HealthCheckResult Unreachable(string why) =>
        HealthCheckResult.Unhealthy($"Redis does not answer ({why}): dialogs, turn leases and send limits are unavailable. Check the Redis server named in ConnectionStrings:Redis.");
}
