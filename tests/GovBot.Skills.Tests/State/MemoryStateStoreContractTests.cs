using GovBot.Skills.State;
using Microsoft.Extensions.Time.Testing;

namespace GovBot.Skills.Tests.State;

public sealed class MemoryStateStoreContractTests : StateStoreContract
{
    private readonly FakeTimeProvider _time = new();

    // Time only moves when a test says so, so the TTL's size does not matter.
    protected override TimeSpan Ttl => TimeSpan.FromSeconds(1);

    protected override TimeProvider Clock => _time;

    protected override Task<(IStateStore Store, IStateStore OtherHost)> CreateStoresAsync()
    {
        // The memory store is one process's state: "another host" can only be another caller of the same instance.
        var store = new MemoryStateStore(_time);
        return Task.FromResult<(IStateStore, IStateStore)>((store, store));
    }

    // One jump past the lease: the renewal that was due meanwhile comes too late, as after a long pause of the process.
    protected override Task LoseLeaseAsync(string key)
    {
        _time.Advance(RenewedLease * 2);
        return Task.CompletedTask;
    }

    protected override Task ElapseAsync(TimeSpan duration)
    {
        _time.Advance(duration);
        return Task.CompletedTask;
    }
}
