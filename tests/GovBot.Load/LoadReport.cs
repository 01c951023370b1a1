using System.Globalization;
using System.Text.Json;

namespace GovBot.Load;

/// <summary>The figures of one run, printed as a table and written as JSON for docs/performance.md and for comparison.</summary>
public sealed record LoadReport(
    string StateStore, string Mix, int Users, int Concurrency, double Seconds,
    long Messages, long MeasuredMessages, double MessagesPerSecond, IReadOnlyList<double> MessagesPerSecondEachWindow, double P50Ms, double P95Ms, double P99Ms,
    long Passive, long Pushed, long Unanswered, long Retries, long Failures, long UnexpectedReplies, long ReportsFiled,
    double HostMemoryStartMb, double HostMemoryEndMb, double HostMemoryMaxMb, IReadOnlyList<double> HostMemoryByMinuteMb, string? Killed,
    int? FaultsInjected, AuditResult Audit, SystemPageResult SystemPage, ScrapeResult Scrape, bool Clean)
{
    public string Table()
    {
        var c = CultureInfo.InvariantCulture;
        var rows = new (string, string)[]
        {
            ("store, hosts, state", StateStore),
            ("what members say", Mix),
            ("users / in flight", $"{Users} / {Concurrency}"),
            ("duration", Seconds.ToString("0.0 s", c)),
            ("messages (all / measured)", $"{Messages} / {MeasuredMessages}"),
            ("messages per second", MessagesPerSecond.ToString("0", c)),
            ("messages per second each 10 s", string.Join(" ", MessagesPerSecondEachWindow.Select(m => m.ToString("0", c)))),
            ("callback p50 / p95 / p99", string.Create(c, $"{P50Ms:0.0} / {P95Ms:0.0} / {P99Ms:0.0} ms")),
            ("answered passively / pushed / not at all", $"{Passive} / {Pushed} / {Unanswered}"),
            ("WeCom retries / failed callbacks", $"{Retries} / {Failures}"),
            ("unexpected replies", UnexpectedReplies.ToString(c)),
            ("reports filed (chat) / rows", $"{ReportsFiled} / {Audit.Reports}"),
            ("host memory start / end / max", string.Create(c, $"{HostMemoryStartMb:0} / {HostMemoryEndMb:0} / {HostMemoryMaxMb:0} MB")),
            ("host memory each minute", HostMemoryByMinuteMb.Count > 1 ? string.Join(" ", HostMemoryByMinuteMb.Select(m => m.ToString("0", c))) + " MB" : "under a minute"),
            ("host killed", Killed ?? "not killed"),
            ("WeCom API calls failed on purpose", FaultsInjected is { } f ? f.ToString(c) : "none"),
            ("inbox rows / pending / failed", $"{Audit.InboxRows} / {Audit.InboxPending} / {Audit.InboxFailed}"),
            ("accepted (200) but not in the inbox", Audit.AcceptedButLost.ToString(c)),
            ("answered twice / never (store)", $"{Audit.AnsweredTwice} / {Audit.NotAnswered}"),
            ("outbox pending / failed / sent twice", $"{Audit.OutboxPending} / {Audit.OutboxFailed} / {Audit.PushesSentTwice}"),
            ("「系统」 page (24 h) vs store", (SystemPage.Clean ? "" : "MISMATCH: ") + SystemPage.Line()),
            ("Prometheus scrape vs store", (Scrape.Clean ? "" : "MISMATCH: ") + Scrape.Line()),
            ("verdict", Clean ? "clean" : "NOT CLEAN"),
        };
        var width = rows.Max(r => r.Item1.Length);
        return string.Join(Environment.NewLine, rows.Select(r => $"{r.Item1.PadRight(width)}  {r.Item2}"));
    }

    public string Json() => JsonSerializer.Serialize(this, new JsonSerializerOptions { WriteIndented = true });
}
