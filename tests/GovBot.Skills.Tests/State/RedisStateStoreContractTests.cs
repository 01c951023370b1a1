using GovBot.Skills.State;
using GovBot.Skills.Tests.Support;
using GovBot.TestSupport;
using StackExchange.Redis;

namespace GovBot.Skills.Tests.State;

[Collection(RedisServerFixture.Collection)]
public sealed class RedisStateStoreContractTests(RedisServerFixture redis) : StateStoreContract
{
    private readonly List<ConnectionMultiplexer> _connections = [];
    private string _prefix = "";

    // A renewal every half second: the machine would have to stall for a second to miss the lease.
    protected override TimeSpan RenewedLease => TimeSpan.FromSeconds(1.5);

    // The key goes as it does when Redis lets an unrenewed lease expire (or a failover forgets it).
    protected override Task LoseLeaseAsync(string key) =>
        _connections[0].GetDatabase().KeyDeleteAsync(_prefix + "lock:" + key);

    // Real server time: short enough to keep the suite fast, long enough that scheduling hiccups
    // on a busy machine do not turn "not expired yet" into a flaky failure.
    protected override TimeSpan Ttl => TimeSpan.FromMilliseconds(600);

    protected override async Task<(IStateStore Store, IStateStore OtherHost)> CreateStoresAsync()
    {
        // Each test gets its own key prefix on the shared server; both "hosts" use it, each over its own connection.
        var options = new RedisStateStoreOptions { KeyPrefix = $"test:{Guid.NewGuid():N}:" };
        _prefix = options.KeyPrefix;
        var hostA = await redis.ConnectAsync();
        _connections.Add(hostA);
        var hostB = await redis.ConnectAsync();
        _connections.Add(hostB);
        return (new RedisStateStore(hostA, options), new RedisStateStore(hostB, options));
    }

    protected override Task ElapseAsync(TimeSpan duration) => Task.Delay(duration);

    protected override TimeProvider Clock => TimeProvider.System;

    public override async Task DisposeAsync()
    {
        foreach (var connection in _connections) await connection.DisposeAsync();
    }
}
