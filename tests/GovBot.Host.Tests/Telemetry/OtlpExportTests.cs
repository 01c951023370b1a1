using GovBot.Data.Seeding;
using GovBot.Host.Tests.EndToEnd;

namespace GovBot.Host.Tests.Telemetry;

/// <summary>OTLP goes to a collector only when one is configured.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class OtlpExportTests
{
    [Fact]
    public async Task With_an_endpoint_configured_traces_and_metrics_reach_the_collector_over_OTLP_HTTP()
    {
        await using var collector = await OtlpReceiver.StartAsync();
        var bot = await BotHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Telemetry:Otlp:Endpoint"] = collector.BaseUrl,
            ["Telemetry:Otlp:MetricInterval"] = "00:00:01",
        });
        await using (bot)
        {
            await bot.SayAsync(DemoUsers.Resident, "菜单");
            await BotHost.EventuallyAsync(() => Task.FromResult(
                    Received(collector, "/v1/traces") && Received(collector, "/v1/metrics")),
                because: "The collector got no traces or no metrics: " + string.Join(", ", collector.Requests.Select(r => r.Path)));
        }
    }

    [Fact]
    public async Task Without_an_endpoint_nothing_is_exported()
    {
        await using var collector = await OtlpReceiver.StartAsync();
        var bot = await BotHost.StartAsync();
        await using (bot)
        {
            await bot.SayAsync(DemoUsers.Resident, "菜单");
            await BotHost.ConsistentlyAsync(() => collector.Requests.Count == 0, TimeSpan.FromSeconds(3));
        }
        // Stopping flushes whatever exporters there are: still nothing.
        Assert.Empty(collector.Requests);
    }

    private static bool Received(OtlpReceiver collector, string path) =>
        collector.Requests.Any(r => r.Path == path && r.ContentType == "application/x-protobuf" && r.Bytes > 0);
}
