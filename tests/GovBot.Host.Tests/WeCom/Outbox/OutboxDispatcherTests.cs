using GovBot.Data.Messaging;
using GovBot.Host.WeCom.Outbox;
using GovBot.Skills.Conversation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GovBot.Host.Tests.WeCom.Outbox;

public sealed class OutboxDispatcherTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_signal_sends_a_fresh_push_at_once()
    {
        await using var h = await OutboundHarness.StartAsync();
        await h.Host.StartAsync();
        var id = await h.EnqueueAsync(new TextPart("已受理"), ["u1"]);

        h.Services.GetRequiredService<IOutboxSignal>().Signal();

        await h.StandIn.WaitForCallsAsync(1, Patience); // the fake clock never moved: no poll fired
        await WaitForStatusAsync(h, id, OutboxStatus.Sent);
        await h.Host.StopAsync();
    }

    [Fact]
    public async Task Without_a_signal_the_poll_finds_the_push()
    {
        await using var h = await OutboundHarness.StartAsync();
        await h.Host.StartAsync();
        await h.EnqueueAsync(new TextPart("x"), ["u1"]);

        var deadline = DateTime.UtcNow + Patience;
        while (h.StandIn.Calls.Count == 0 && DateTime.UtcNow < deadline)
        {
            h.Time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(20);
        }

        Assert.Single(h.StandIn.Calls);
        await h.Host.StopAsync();
    }

    [Fact]
    public async Task The_signal_reaches_the_running_dispatcher()
    {
        await using var h = await OutboundHarness.StartAsync();

        var dispatcher = h.Services.GetRequiredService<OutboxDispatcher>();

        Assert.Same(dispatcher, h.Services.GetRequiredService<IOutboxSignal>());
        Assert.Contains(dispatcher, h.Services.GetServices<IHostedService>());
    }

    private static async Task WaitForStatusAsync(OutboundHarness h, long id, OutboxStatus status)
    {
        var deadline = DateTime.UtcNow + Patience;
        while ((await h.RowAsync(id)).Status != status)
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Row {id} did not reach {status}.");
            await Task.Delay(20);
        }
    }
}
