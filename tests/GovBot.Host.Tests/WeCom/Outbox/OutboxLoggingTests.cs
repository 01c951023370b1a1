using GovBot.Emulator;
using GovBot.Host.WeCom.Api;
using GovBot.Skills.Conversation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GovBot.Host.Tests.WeCom.Outbox;

public sealed class OutboxLoggingTests
{
    [Fact]
    public async Task Failures_are_logged_with_the_row_id_but_never_content_user_ids_secret_or_token()
    {
        var logs = new CapturingLoggerProvider();
        await using var h = await OutboundHarness.StartAsync(
            knownUsers: ["u1"],
            services: s => s.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace)));
        const string content = "张大爷 电话13912345678 反映楼道漏水";
        var retried = await h.EnqueueAsync(new TextPart(content), ["u1", "13800000000"]);
        var refused = await h.EnqueueAsync(new TextPart(content), ["13700000000"]);
        h.StandIn.InjectFault(new StandInFault.Http(500));

        await h.Sender.RunOnceAsync();
        h.Time.Advance(TimeSpan.FromSeconds(3));
        await h.Sender.RunOnceAsync();
        var token = await h.Services.GetRequiredService<IWeComAccessTokenProvider>().GetTokenAsync();

        var all = string.Join('\n', logs.Lines);
        Assert.Contains("cgi-bin/message/send", all); // HttpClient's own request logs are among those checked
        Assert.Contains($"Outbox {retried}: attempt 1 failed", all);
        Assert.Contains($"Outbox {refused} failed for good", all);
        Assert.Contains($"Outbox {retried}: 1 recipients unknown", all);
        Assert.DoesNotContain("13912345678", all);
        Assert.DoesNotContain("13800000000", all);
        Assert.DoesNotContain("13700000000", all);
        Assert.DoesNotContain("漏水", all);
        Assert.DoesNotContain(h.StandIn.Options.CorpSecret, all);
        Assert.DoesNotContain(token, all);
    }
}
