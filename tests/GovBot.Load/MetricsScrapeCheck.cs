using System.Globalization;
using System.Net;
using GovBot.Data;
using GovBot.Data.Messaging;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Load;

/// <summary>
/// The hosts' Prometheus scrapes (summed) after the run, beside the store: callbacks taken in = inbox rows, messages
/// handled = inbox rows done, turns timed ≥ messages handled, message/send calls WeCom accepted = pushes sent.
/// </summary>
public sealed record ScrapeResult(
    long CallbacksAnswered, long MessagesHandled, long TurnsTimed, long SendsAccepted, int InboxRows, int DoneRows, int SentRows, bool RefusedWithoutKey, string? Skipped)
{
    public bool Agrees => CallbacksAnswered == InboxRows && MessagesHandled == DoneRows && TurnsTimed >= MessagesHandled && SendsAccepted == SentRows;

    public bool Clean => Skipped is not null || (Agrees && RefusedWithoutKey);

    public string Line() => Skipped is not null ? "not compared: " + Skipped : string.Create(CultureInfo.InvariantCulture,
        $"callbacks answered {CallbacksAnswered} (inbox rows {InboxRows}), messages handled {MessagesHandled} (done {DoneRows}), turns timed {TurnsTimed}, message/send ok {SendsAccepted} (sent {SentRows}), without key {(RefusedWithoutKey ? "refused" : "ANSWERED")}");
}

public static class MetricsScrapeCheck
{
    /// <summary>The scrape key every host of a run gets; only a far network is allowed without it, so the key is what admits the tool.</summary>
    public const string Key = "load-run-scrape-key-0123456789abcdef";

    public static IEnumerable<(string Key, string Value)> HostSettings() =>
        [("Telemetry__Prometheus__Key", Key), ("Telemetry__Prometheus__AllowedNetworks__0", "192.0.2.0/24")];

    /// <summary>How long the counters may trail the store: a turn counts its message just after its commit.</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(10);

    public static async Task<ScrapeResult> RunAsync(IReadOnlyList<string> hosts, GovBotDb store, string? skipped, CancellationToken ct)
    {
        if (skipped is not null) return new ScrapeResult(0, 0, 0, 0, 0, 0, 0, true, skipped);
        await using var db = store;
        // Callbacks are the rows WeCom posted (a WeChat user's messages are pulled, "kf:" + msgid, not posted); messages
        // handled leave out the customer-service announcements; message/send is the app's channel only (kf/send_msg apart).
        var rows = await db.Inbox.CountAsync(m => !m.DedupKey.StartsWith("kf:"), ct);
        var done = await db.Inbox.CountAsync(m => m.Status == InboxStatus.Done && !m.DedupKey.Contains(GovBot.Host.WeCom.CustomerService.CustomerServiceCallback.DedupKeyMarker), ct);
        var sent = await db.Outbox.CountAsync(o => o.Status == OutboxStatus.Sent && o.Channel != OutboxChannel.CustomerService, ct);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var bare = await http.GetAsync(hosts[0] + "/metrics", ct);
        var refused = bare.StatusCode == HttpStatusCode.NotFound;

        // Scraped again until the counters agree or Settle has passed: a counter may trail the row by a moment.
        using var look = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        var until = DateTime.UtcNow + Settle;
        while (true)
        {
            var samples = new List<PrometheusText.Sample>();
            foreach (var host in hosts) samples.AddRange(PrometheusText.Parse(await ScrapeAsync(http, host, ct)));
            var result = new ScrapeResult(
                PrometheusText.Sum(samples, "govbot_callbacks_total", ("outcome", "answered")),
                PrometheusText.Sum(samples, "govbot_messages_total"),
                PrometheusText.Sum(samples, "govbot_turn_duration_seconds_count"),
                PrometheusText.Sum(samples, "govbot_wecom_api_calls_total", ("endpoint", "message/send"), ("errcode", "0")),
                rows, done, sent, refused, null);
            if (result.Agrees || DateTime.UtcNow > until) return result;
            await look.WaitForNextTickAsync(ct);
        }
    }

    private static async Task<string> ScrapeAsync(HttpClient http, string host, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, host + "/metrics");
        request.Headers.Add("X-Metrics-Key", Key);
        using var response = await http.SendAsync(request, ct);
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"{host}/metrics answered {(int)response.StatusCode} with the run's scrape key: check Telemetry:Prometheus on the host.");
        return await response.Content.ReadAsStringAsync(ct);
    }
}
