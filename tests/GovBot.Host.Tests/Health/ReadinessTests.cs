using System.Net;
using System.Text.Json;
using GovBot.Emulator;
using GovBot.Host.Tests.EndToEnd;
using GovBot.Host.Tests.WeCom;

namespace GovBot.Host.Tests.Health;

/// <summary>Liveness and readiness of the real host, as a load balancer or Kubernetes would probe them.</summary>
public sealed class ReadinessTests
{
    [Fact]
    public async Task With_everything_up_the_host_is_live_and_ready_and_says_so_per_check()
    {
        await using var bot = await BotHost.StartAsync();

        Assert.Equal(HttpStatusCode.OK, (await bot.Http.GetAsync("/healthz/live")).StatusCode);
        var (status, checks) = await ReadyAsync(bot);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", checks["store"].GetProperty("status").GetString());
        Assert.Equal("Healthy", checks["wecom-token"].GetProperty("status").GetString());
        Assert.False(checks.ContainsKey("redis"), "Redis is not configured, so it is not checked.");
        Assert.Equal("Healthy", await bot.Http.GetStringAsync("/healthz"));
    }

    [Fact]
    public async Task When_WeCom_refuses_tokens_the_host_is_unready_but_live_and_probes_do_not_call_WeCom_each_time()
    {
        await using var standIn = await WeComApiStandIn.StartAsync(new WeComStandInOptions { CorpId = WeComSample.CorpId });
        standIn.InjectTokenFault(new StandInFault.Refusal(40001, "invalid credential"), count: 1000);
        await using var bot = await BotHost.StartAsync(standIn);

        var (status, checks) = await ReadyAsync(bot);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        var reason = checks["wecom-token"].GetProperty("reason").GetString()!;
        Assert.Contains("40001", reason);
        Assert.Contains("WeCom:Secret", reason);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await bot.Http.GetAsync("/healthz")).StatusCode);

        // A load balancer probing again and again: still unready, still live, and WeCom is not asked once per probe.
        var asked = standIn.TokenRequests;
        for (var probe = 0; probe < 10; probe++)
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await ReadyAsync(bot)).Status);
            Assert.Equal(HttpStatusCode.OK, (await bot.Http.GetAsync("/healthz/live")).StatusCode);
        }
        Assert.Equal(asked, standIn.TokenRequests);
    }

    internal static async Task<(HttpStatusCode Status, Dictionary<string, JsonElement> Checks)> ReadyAsync(BotHost bot)
    {
        using var response = await bot.Http.GetAsync("/healthz/ready");
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.ToString());
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var checks = json.RootElement.GetProperty("checks").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());
        return (response.StatusCode, checks);
    }
}
