using GovBot.Data.Seeding;
using GovBot.Host.Tests.Ai;
using GovBot.Host.Tests.EndToEnd;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;

namespace GovBot.Host.Tests.Telemetry;

/// <summary>One message, one trace: from its callback through the turn and the commit to the push WeCom receives later.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class TraceTests
{
    [Fact]
    public Task A_report_traces_callback_turn_commit_and_push_under_one_trace_id_and_its_log_lines_carry_it_without_the_text() =>
        ReportIsTracedAsync(new Dictionary<string, string?>());

    /// <summary>
    /// With a language model configured every turn runs in the drain, after its callback stored the message: the
    /// inbox row carries the trace there.
    /// </summary>
    [Fact]
    public async Task A_turn_run_by_the_drain_continues_its_callbacks_trace()
    {
        await using var model = await OpenAiStub.StartAsync();
        var trace = await ReportIsTracedAsync(new Dictionary<string, string?>
        {
            ["AI:Endpoint"] = model.Endpoint,
            ["AI:Model"] = "qwen2.5-7b-instruct",
            ["AI:ApiKey"] = "test-key",
            ["AI:Timeout"] = "00:00:01",
        });
        var callback = Assert.Single(trace, a => a.DisplayName == "wecom.callback");
        var turn = Assert.Single(trace, a => a.DisplayName == "turn");
        Assert.NotNull(turn.GetTagItem("govbot.inbox.id")); // only the drain's turn span names its stored row
        Assert.Equal(callback.SpanId, turn.ParentSpanId);
    }

    private static async Task<List<System.Diagnostics.Activity>> ReportIsTracedAsync(Dictionary<string, string?> settings)
    {
        var spans = new SpanList();
        var logs = new LogCapture();
        settings["Logging:LogLevel:GovBot"] = "Information";
        await using var bot = await BotHost.StartAsync(
            settings: settings,
            services: s =>
            {
                s.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(spans));
                s.AddSingleton<ILoggerProvider>(logs);
            });

        await bot.WeCom.SendTextAsync(DemoUsers.Resident, "3号楼楼道灯不亮了");
        await bot.WeCom.SendTextAsync(DemoUsers.Resident, "是");
        await BotHost.EventuallyAsync(() => bot.WithDbAsync(db => db.Reports.AnyAsync()), because: "The report was not filed.");
        await bot.SettledAsync();

        // The grid worker's card about the new report: sent by the outbox dispatcher after the callback returned.
        var send = await EventuallyFoundAsync(() => spans.Snapshot().FirstOrDefault(a => a.DisplayName == "wecom message/send"));
        var trace = send.TraceId;
        var inTrace = spans.Snapshot().Where(a => a.TraceId == trace).ToList();
        var names = inTrace.Select(a => a.DisplayName).ToHashSet();
        foreach (var name in new[] { "wecom.callback", "turn", "store.commit", "outbox.push", "wecom message/send" })
            Assert.True(names.Contains(name), $"No {name} span in the push's trace; it has: {string.Join(", ", names)}");
        // The push hangs under the callback: the span chain is whole, not merely the same trace id.
        var callback = Assert.Single(inTrace, a => a.DisplayName == "wecom.callback");
        var push = inTrace.First(a => a.DisplayName == "outbox.push");
        Assert.Equal(callback.SpanId, Ancestors(push, inTrace).Last().SpanId);

        // WeCom's secret and access tokens travel in query strings: the HTTP spans keep them redacted.
        var tags = spans.Snapshot().SelectMany(a => a.TagObjects).Select(t => t.Value?.ToString() ?? "").ToList();
        Assert.DoesNotContain(tags, v => v.Contains(bot.StandIn.Options.CorpSecret));
        Assert.DoesNotContain(tags, v => v.Contains("access_token=") && !v.Contains("access_token=Redacted"));

        // The turn's log line (intent and skill) carries the trace id; no line of that trace carries the message text.
        var lines = logs.Lines().Where(l => l.TraceId == trace.ToHexString()).ToList();
        Assert.Contains(lines, l => l.Category.EndsWith("ConversationEngine", StringComparison.Ordinal) && l.Text.StartsWith("Turn ", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Text.Contains("是") || l.Text.Contains("楼道灯"));
        return inTrace;
    }

    /// <summary>The span's parents within the trace, nearest first, up to the root the test recorded.</summary>
    private static List<System.Diagnostics.Activity> Ancestors(System.Diagnostics.Activity span, List<System.Diagnostics.Activity> trace)
    {
        var chain = new List<System.Diagnostics.Activity>();
        var current = span;
        while (trace.FirstOrDefault(a => a.SpanId == current.ParentSpanId) is { } parent
               && parent.Source.Name == "GovBot")
        {
            chain.Add(parent);
            current = parent;
        }
        return chain;
    }

    private static async Task<T> EventuallyFoundAsync<T>(Func<T?> find) where T : class
    {
        T? found = null;
        await BotHost.EventuallyAsync(() => Task.FromResult((found = find()) is not null), because: "The span never arrived.");
        return found!;
    }
}
