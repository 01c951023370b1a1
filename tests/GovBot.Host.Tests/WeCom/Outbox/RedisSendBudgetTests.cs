using System.Net;
using System.Net.Sockets;
using GovBot.Data.Messaging;
using GovBot.Skills.Conversation;
using GovBot.Skills.State;
using GovBot.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;

namespace GovBot.Host.Tests.WeCom.Outbox;

/// <summary>WeCom's send limits kept by two outboxes together through a real Redis, on one fake clock.</summary>
[Collection(RedisServerFixture.Collection)]
public sealed class RedisSendBudgetTests(RedisServerFixture redis) : IAsyncLifetime
{
    private readonly List<IAsyncDisposable> _owned = [];
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly string _prefix = $"test:{Guid.NewGuid():N}:";

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var owned in Enumerable.Reverse(_owned)) await owned.DisposeAsync();
    }

    [Fact]
    public async Task Two_hosts_together_send_one_member_at_most_the_minute_limit()
    {
        var a = await HostAsync(redis.CreateClientOptions());
        var b = await HostAsync(redis.CreateClientOptions());
        var rows = new List<(OutboundHarness Host, long Id)>();
        for (var i = 1; i <= 20; i++)
        {
            rows.Add((a, await a.EnqueueAsync(new TextPart($"甲{i}"), ["u1"])));
            rows.Add((b, await b.EnqueueAsync(new TextPart($"乙{i}"), ["u1"])));
        }

        await a.Sender.RunOnceAsync();
        await b.Sender.RunOnceAsync();
        await a.Sender.RunOnceAsync();

        // 30 in all, not 30 each: the twenty of the first host and ten of the second.
        Assert.Equal(20, a.StandIn.CallsTo("message/send").Count);
        Assert.Equal(10, b.StandIn.CallsTo("message/send").Count);
        var held = await b.RowAsync(rows[^1].Id);
        Assert.Equal(OutboxStatus.Pending, held.Status);
        Assert.Equal(0, held.Attempts);
        Assert.Equal(_time.GetUtcNow() + TimeSpan.FromMinutes(1), held.NextAttemptAt);

        _time.Advance(TimeSpan.FromMinutes(1));
        await b.Sender.RunOnceAsync();
        Assert.Equal(20, b.StandIn.CallsTo("message/send").Count);
        foreach (var (host, id) in rows) Assert.Equal(OutboxStatus.Sent, (await host.RowAsync(id)).Status);
    }

    [Fact]
    public async Task Other_members_still_have_their_own_room_on_the_other_host()
    {
        var settings = new Dictionary<string, string?> { ["WeCom:Outbox:MemberMessagesPerMinute"] = "1" };
        var a = await HostAsync(redis.CreateClientOptions(), settings);
        var b = await HostAsync(redis.CreateClientOptions(), settings);
        await a.EnqueueAsync(new TextPart("一"), ["u1"]);
        var waits = await b.EnqueueAsync(new TextPart("二"), ["u1"]);
        var other = await b.EnqueueAsync(new TextPart("三"), ["u2"]);

        await a.Sender.RunOnceAsync();
        await b.Sender.RunOnceAsync();

        Assert.Equal(["u2"], b.StandIn.CallsTo("message/send").Select(c => c.Recipients.Single()));
        Assert.Equal(OutboxStatus.Sent, (await b.RowAsync(other)).Status);
        Assert.Equal(OutboxStatus.Pending, (await b.RowAsync(waits)).Status);
    }

    [Fact]
    public async Task With_Redis_unreachable_a_push_waits_for_a_later_attempt_and_a_warning_is_logged()
    {
        var logs = new CapturingLoggerProvider();
        var nowhere = ConfigurationOptions.Parse($"127.0.0.1:{ClosedPort()}");
        nowhere.AbortOnConnectFail = false;
        nowhere.ConnectTimeout = 500;
        nowhere.AsyncTimeout = 500;
        var h = await HostAsync(nowhere, logging: logs);
        var id = await h.EnqueueAsync(new TextPart("通知"), ["u1"]);

        await h.Sender.RunOnceAsync();

        Assert.Empty(h.StandIn.CallsTo("message/send"));
        var row = await h.RowAsync(id);
        Assert.Equal(OutboxStatus.Pending, row.Status);
        Assert.True(row.NextAttemptAt > _time.GetUtcNow());
        Assert.Contains(logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("Redis", StringComparison.Ordinal));
    }

    private async Task<OutboundHarness> HostAsync(
        ConfigurationOptions redisOptions, IDictionary<string, string?>? settings = null, CapturingLoggerProvider? logging = null)
    {
        var connection = await ConnectionMultiplexer.ConnectAsync(redisOptions);
        _owned.Add(connection);
        var host = await OutboundHarness.StartAsync(settings: settings, time: _time, services: s =>
        {
            s.AddSingleton<IConnectionMultiplexer>(connection);
            s.AddSingleton(new RedisStateStoreOptions { KeyPrefix = _prefix });
            if (logging is not null) s.AddLogging(l => l.AddProvider(logging).SetMinimumLevel(LogLevel.Trace));
        });
        _owned.Add(host);
        return host;
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
