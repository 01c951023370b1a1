using System.Net;
using GovBot.Host.Tests.EndToEnd;
using GovBot.TestSupport;

namespace GovBot.Host.Tests.Health;

/// <summary>Readiness follows the shared Redis: a stopped server makes the host unready (not dead), and its return ready again.</summary>
[Collection(RedisServerFixture.Collection)]
public sealed class RedisReadinessTests(RedisServerFixture redis)
{
    [Fact]
    public async Task A_stopped_Redis_makes_the_host_unready_with_a_reason_while_it_stays_live()
    {
        await using var bot = await BotHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = redis.ConnectionString,
            ["State:KeyPrefix"] = $"test:{Guid.NewGuid():N}:",
        });
        var (status, checks) = await ReadinessTests.ReadyAsync(bot);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", checks["redis"].GetProperty("status").GetString());

        await redis.StopAsync();
        try
        {
            await BotHost.EventuallyAsync(async () => (await ReadinessTests.ReadyAsync(bot)).Status == HttpStatusCode.ServiceUnavailable,
                because: "The host stayed ready with Redis stopped.");
            (_, checks) = await ReadinessTests.ReadyAsync(bot);
            Assert.Equal("Unhealthy", checks["redis"].GetProperty("status").GetString());
            Assert.Contains("ConnectionStrings:Redis", checks["redis"].GetProperty("reason").GetString());
            Assert.Equal(HttpStatusCode.OK, (await bot.Http.GetAsync("/healthz/live")).StatusCode);
        }
        finally
        {
            await redis.StartAsync();
        }

        await BotHost.EventuallyAsync(async () => (await ReadinessTests.ReadyAsync(bot)).Status == HttpStatusCode.OK,
            because: "The host did not become ready again after Redis came back.");
    }
}
