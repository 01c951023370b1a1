using System.Diagnostics;
using GovBot.Skills.State;
using GovBot.Skills.Tests.Support;
using GovBot.TestSupport;
using StackExchange.Redis;

namespace GovBot.Skills.Tests.State;

/// <summary>What only the Redis store has: key layout on the server, and riding out a server restart.</summary>
[Collection(RedisServerFixture.Collection)]
public sealed class RedisStateStoreTests(RedisServerFixture redis) : IAsyncLifetime
{
    private readonly string _prefix = $"test:{Guid.NewGuid():N}:";
    private ConnectionMultiplexer _connection = null!;
    private RedisStateStore _store = null!;

    public async Task InitializeAsync()
    {
        _connection = await redis.ConnectAsync();
        _store = new RedisStateStore(_connection, new RedisStateStoreOptions { KeyPrefix = _prefix });
    }

    public async Task DisposeAsync() => await _connection.DisposeAsync();

    [Fact]
    public async Task Keys_carry_the_prefix_and_locks_have_their_own_namespace()
    {
        var raw = _connection.GetDatabase();
        await _store.SetAsync("dialog:张三", "step-1", TimeSpan.FromMinutes(5));
        await using var held = await _store.AcquireLockAsync("dialog:张三", TimeSpan.FromMinutes(1), TimeSpan.Zero);

        Assert.Equal("step-1", (string?)await raw.StringGetAsync(_prefix + "dialog:张三"));
        var valueTtl = await raw.KeyTimeToLiveAsync(_prefix + "dialog:张三");
        Assert.InRange(valueTtl!.Value, TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(5));
        var leaseTtl = await raw.KeyTimeToLiveAsync(_prefix + "lock:dialog:张三");
        Assert.InRange(leaseTtl!.Value, TimeSpan.FromSeconds(50), TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task Increment_gives_a_window_to_a_counter_that_has_none()
    {
        var raw = _connection.GetDatabase();
        await raw.StringSetAsync(_prefix + "rate", "5");

        Assert.Equal(6, await _store.IncrementAsync("rate", TimeSpan.FromMinutes(1)));
        Assert.NotNull(await raw.KeyTimeToLiveAsync(_prefix + "rate"));
    }

    [Fact]
    public async Task Store_fails_while_redis_is_down_and_works_again_once_it_is_back()
    {
        await _store.SetAsync("before", "restart");
        await redis.StopAsync();
        try
        {
            // Down: commands fail instead of hanging, and a lease cannot be had.
            await Assert.ThrowsAnyAsync<Exception>(() => _store.GetAsync("before").WaitAsync(TimeSpan.FromSeconds(10)));
        }
        finally
        {
            await redis.StartAsync();
        }

        // The same multiplexer reconnects by itself; no persistence, so the server came back empty. A busy machine
        // may take a while to reconnect, and a command may time out on the way: the limit is generous, not a guess.
        var back = Stopwatch.StartNew();
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await _store.SetAsync("after", "restart");
                Assert.Equal("restart", await _store.GetAsync("after"));
                Assert.Equal(1, await _store.IncrementAsync($"rate:{attempt}", TimeSpan.FromMinutes(1)));
                await using var held = await _store.AcquireLockAsync("user:alice", TimeSpan.FromSeconds(10), TimeSpan.Zero);
                Assert.NotNull(held);
                break;
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException && back.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(50);
            }
        }
    }
}
