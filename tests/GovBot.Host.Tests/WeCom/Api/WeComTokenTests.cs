using GovBot.Host.WeCom.Api;
using GovBot.Skills.State;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GovBot.Host.Tests.WeCom.Api;

public sealed class WeComTokenTests
{
    private static WeComTextMessage Text(string user, string content) =>
        new() { ToUser = user, Text = new WeComTextContent(content) };

    [Fact]
    public async Task Concurrent_sends_fetch_one_token_and_share_it()
    {
        await using var h = await OutboundHarness.StartAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => h.Api.SendAsync(Text("u1", $"第{i}条"))));

        Assert.All(results, r => Assert.True(r.IsOk, r.ErrMsg));
        Assert.Equal(1, h.StandIn.TokensIssued);
        Assert.Equal(20, h.StandIn.Calls.Count);
    }

    [Fact]
    public async Task Host_instances_sharing_the_state_store_share_the_token()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var shared = new MemoryStateStore(time);
        await using var first = await OutboundHarness.StartAsync(time: time, services: s => s.AddSingleton<IStateStore>(shared));
        // The second "instance" talks to the first one's stand-in, as two hosts talk to one WeCom.
        await using var second = await OutboundHarness.StartAsync(
            time: time,
            settings: OutboundHarness.Settings(first.StandIn),
            services: s => s.AddSingleton<IStateStore>(shared));

        Assert.True((await first.Api.SendAsync(Text("u1", "一"))).IsOk);
        Assert.True((await second.Api.SendAsync(Text("u1", "二"))).IsOk);

        Assert.Equal(1, first.StandIn.TokensIssued);
        Assert.Equal(2, first.StandIn.Calls.Count);
    }

    [Fact]
    public async Task A_token_expiring_mid_way_is_refreshed_once_and_the_send_succeeds()
    {
        await using var h = await OutboundHarness.StartAsync();
        Assert.True((await h.Api.SendAsync(Text("u1", "before"))).IsOk);

        h.StandIn.ExpireAllTokens();
        var result = await h.Api.SendAsync(Text("u1", "after"));

        Assert.True(result.IsOk, result.ErrMsg);
        Assert.Equal(2, h.StandIn.TokensIssued);
        Assert.Equal(2, h.StandIn.Calls.Count);
    }

    [Fact]
    public async Task The_cached_token_is_replaced_shortly_before_WeCom_expires_it()
    {
        await using var h = await OutboundHarness.StartAsync();
        await h.Api.SendAsync(Text("u1", "one"));

        h.Time.Advance(h.StandIn.Options.TokenLifetime - WeComTokenProvider.RefreshMargin - TimeSpan.FromSeconds(1));
        await h.Api.SendAsync(Text("u1", "two"));
        Assert.Equal(1, h.StandIn.TokensIssued);

        h.Time.Advance(TimeSpan.FromSeconds(2));
        await h.Api.SendAsync(Text("u1", "three"));
        Assert.Equal(2, h.StandIn.TokensIssued);
        Assert.Equal(3, h.StandIn.Calls.Count);
    }

    [Fact]
    public async Task A_wrong_secret_is_a_transient_failure_so_pushes_wait_for_the_fix()
    {
        await using var h = await OutboundHarness.StartAsync(settings: new Dictionary<string, string?> { ["WeCom:Secret"] = "wrong" });

        var ex = await Assert.ThrowsAsync<WeComTransientException>(() => h.Api.SendAsync(Text("u1", "x")));

        Assert.Contains("40001", ex.Message);
        Assert.Empty(h.StandIn.Calls);
    }

    [Fact]
    public async Task The_token_provider_refresh_does_not_refetch_when_another_caller_already_did()
    {
        await using var h = await OutboundHarness.StartAsync();
        var tokens = h.Services.GetRequiredService<IWeComAccessTokenProvider>();
        var stale = await tokens.GetTokenAsync();

        var fresh = await tokens.RefreshAsync(stale);
        var again = await tokens.RefreshAsync(stale);

        Assert.NotEqual(stale, fresh);
        Assert.Equal(fresh, again);
        Assert.Equal(2, h.StandIn.TokensIssued);
    }
}
