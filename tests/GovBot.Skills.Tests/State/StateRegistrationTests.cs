using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using GovBot.Skills.State;
using GovBot.Skills.Tests.Support;
using GovBot.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;

namespace GovBot.Skills.Tests.State;

[Collection(RedisServerFixture.Collection)]
public sealed class StateRegistrationTests(RedisServerFixture redis)
{
    private static HostApplicationBuilder Builder(string? redisConnection)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        if (redisConnection is not null)
            builder.Configuration.AddInMemoryCollection([new("ConnectionStrings:Redis", redisConnection)]);
        return builder;
    }

    [Fact]
    public void Without_a_redis_connection_string_state_is_in_memory_on_the_system_clock()
    {
        var builder = Builder(redisConnection: null);
        builder.AddGovBotState();
        using var host = builder.Build();

        Assert.IsType<MemoryStateStore>(host.Services.GetRequiredService<IStateStore>());
        Assert.Same(TimeProvider.System, host.Services.GetRequiredService<TimeProvider>());
        Assert.Null(host.Services.GetService<IConnectionMultiplexer>());
    }

    [Fact]
    public void Postgres_without_redis_stops_the_start_saying_what_to_set_and_why()
    {
        var builder = Builder(redisConnection: null);
        builder.Configuration.AddInMemoryCollection([new(StateRegistration.DataProviderKey, "Postgres")]);

        var refused = Assert.Throws<InvalidOperationException>(() => builder.AddGovBotState());

        Assert.Contains("ConnectionStrings:Redis", refused.Message, StringComparison.Ordinal);
        Assert.Contains("several GovBot hosts", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Postgres_with_redis_and_sqlite_without_it_start()
    {
        var shared = Builder(redis.ConnectionString);
        shared.Configuration.AddInMemoryCollection([new(StateRegistration.DataProviderKey, "Postgres")]);
        shared.AddGovBotState();
        using (var host = shared.Build()) Assert.IsType<RedisStateStore>(host.Services.GetRequiredService<IStateStore>());

        var single = Builder(redisConnection: null);
        single.Configuration.AddInMemoryCollection([new(StateRegistration.DataProviderKey, "Sqlite")]);
        single.AddGovBotState();
        using (var host = single.Build()) Assert.IsType<MemoryStateStore>(host.Services.GetRequiredService<IStateStore>());
    }

    [Fact]
    public void A_registered_time_provider_is_kept()
    {
        var builder = Builder(redisConnection: null);
        var time = new FakeTimeProvider();
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.AddGovBotState();
        using var host = builder.Build();

        Assert.Same(time, host.Services.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public async Task With_a_redis_connection_string_state_is_in_redis_over_one_shared_connection()
    {
        var builder = Builder(redis.ConnectionString);
        builder.Configuration.AddInMemoryCollection([new(StateRegistration.KeyPrefixKey, $"test:{Guid.NewGuid():N}:")]);
        builder.AddGovBotState();
        using var host = builder.Build();

        var store = host.Services.GetRequiredService<IStateStore>();
        Assert.IsType<RedisStateStore>(store);
        Assert.Same(host.Services.GetRequiredService<IConnectionMultiplexer>(), host.Services.GetRequiredService<IConnectionMultiplexer>());

        await store.SetAsync("hello", "你好");
        Assert.Equal("你好", await store.GetAsync("hello"));
    }

    [Fact]
    public async Task Redis_being_down_at_start_up_does_not_crash_it()
    {
        var port = UnusedPort();
        // Short timeouts keep the test quick; the backlog timeout follows syncTimeout.
        var builder = Builder($"127.0.0.1:{port},connectTimeout=300,syncTimeout=1000,asyncTimeout=1000");
        builder.AddGovBotState();
        using var host = builder.Build();

        var resolving = Stopwatch.StartNew();
        var store = host.Services.GetRequiredService<IStateStore>();
        Assert.InRange(resolving.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));

        Assert.IsType<RedisStateStore>(store);
        Assert.False(host.Services.GetRequiredService<IConnectionMultiplexer>().IsConnected);
        // Commands wait in the client's backlog for a connection, then fail; they do not hang.
        await Assert.ThrowsAsync<RedisConnectionException>(() => store.GetAsync("anything").WaitAsync(TimeSpan.FromSeconds(10)));
    }

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
