using System.Globalization;
using System.Net;
using GovBot.Data.Seeding;
using GovBot.Host.Tests.EndToEnd;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Host.Tests.Telemetry;

/// <summary>The Prometheus scrape of the real host: the figures an operator watches, and who may read them.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class MetricsScrapeTests
{
    [Fact]
    public async Task After_a_short_conversation_a_loopback_scrape_shows_callbacks_turns_and_the_outbox()
    {
        await using var bot = await BotHost.StartAsync();
        await bot.WeCom.SendTextAsync(DemoUsers.Resident, "3号楼楼道灯不亮了");
        await bot.WeCom.SendTextAsync(DemoUsers.Resident, "是");
        await BotHost.EventuallyAsync(() => bot.WithDbAsync(db => db.Reports.AnyAsync()), because: "The report was not filed.");
        await bot.SettledAsync();
        var sends = bot.StandIn.CallsTo("message/send").Count;
        Assert.True(sends > 0, "The grid worker's card should have been pushed.");

        using var response = await bot.Http.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var scrape = Scrape.Parse(text);

        Assert.Equal(2, scrape.Sum("govbot_callbacks_total", ("outcome", "answered")));
        Assert.Equal(0, scrape.Sum("govbot_callbacks_total", ("outcome", "refused")));
        // A turn the store made run again is timed again: at least one run per message.
        Assert.True(scrape.Sum("govbot_turn_duration_seconds_count") >= 2, text);
        Assert.Equal(2, scrape.Sum("govbot_messages_total"));
        Assert.Equal(0, scrape.Sum("govbot_messages_total", ("fallback", "true")));
        Assert.Equal(sends, scrape.Sum("govbot_wecom_api_calls_total", ("endpoint", "message/send"), ("errcode", "0")));
        Assert.Equal(bot.StandIn.TokensIssued, scrape.Sum("govbot_wecom_token_refreshes_total", ("outcome", "ok")));
        Assert.Equal(0, scrape.Sum("govbot_outbox_backlog"));
        Assert.Equal(0, scrape.Sum("govbot_inbox_pending"));
        Assert.True(scrape.Has("govbot_outbox_oldest_age_seconds") && scrape.Has("govbot_inbox_oldest_age_seconds"), text);
    }

    [Fact]
    public async Task From_an_address_outside_the_allowed_networks_the_scrape_is_refused_unless_it_carries_the_key()
    {
        await using var bot = await BotHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Telemetry:Prometheus:AllowedNetworks:0"] = "10.9.9.0/24",
            ["Telemetry:Prometheus:Key"] = "scrape-key-for-tests",
        });
        await bot.WeCom.SendTextAsync(DemoUsers.Resident, "菜单");

        using (var refused = await bot.Http.GetAsync("/metrics"))
        {
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
            Assert.DoesNotContain("govbot_", await refused.Content.ReadAsStringAsync());
        }

        using (var wrongKey = new HttpRequestMessage(HttpMethod.Get, "/metrics"))
        {
            wrongKey.Headers.Add("X-Metrics-Key", "scrape-key-for-test");
            using var refused = await bot.Http.SendAsync(wrongKey);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.DoesNotContain("govbot_", await refused.Content.ReadAsStringAsync());
        }

        using var withKey = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        withKey.Headers.Add("X-Metrics-Key", "scrape-key-for-tests");
        using var allowed = await bot.Http.SendAsync(withKey);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(1, Scrape.Parse(await allowed.Content.ReadAsStringAsync()).Sum("govbot_callbacks_total", ("outcome", "answered")));
    }

    /// <summary>The samples of a Prometheus text exposition: name, labels and value per line.</summary>
    private sealed record Scrape(List<(string Name, Dictionary<string, string> Labels, double Value)> Samples)
    {
        public static Scrape Parse(string text)
        {
            var samples = new List<(string, Dictionary<string, string>, double)>();
            foreach (var line in text.Split('\n'))
            {
                if (line.Length == 0 || line[0] == '#') continue;
                var brace = line.IndexOf('{');
                var space = brace >= 0 ? line.IndexOf(' ', line.LastIndexOf('}')) : line.IndexOf(' ');
                var name = line[..(brace >= 0 ? brace : space)];
                var labels = new Dictionary<string, string>();
                if (brace >= 0)
                    foreach (var pair in line[(brace + 1)..line.LastIndexOf('}')].Split("\","))
                    {
                        var eq = pair.IndexOf('=');
                        if (eq > 0) labels[pair[..eq]] = pair[(eq + 1)..].Trim('"');
                    }
                var value = line[(space + 1)..].Split(' ')[0];
                samples.Add((name, labels, double.Parse(value, CultureInfo.InvariantCulture)));
            }
            return new Scrape(samples);
        }

        public bool Has(string name) => Samples.Any(s => s.Name == name);

        public double Sum(string name, params (string Key, string Value)[] labels) =>
            Samples.Where(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Key, out var v) && v == l.Value)).Sum(s => s.Value);
    }
}
