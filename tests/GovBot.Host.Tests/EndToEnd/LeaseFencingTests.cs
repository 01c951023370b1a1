using GovBot.Data.Messaging;
using GovBot.Data.Seeding;
using GovBot.Skills.State;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovBot.Host.Tests.EndToEnd;

/// <summary>A turn whose member lease was lost meanwhile (another host may hold the member now) never completes.</summary>
public sealed class LeaseFencingTests
{
    [Fact]
    public async Task A_turn_that_lost_its_lease_is_not_answered_and_the_next_holder_answers_it_once()
    {
        // The callback's own try and its drain both find their lease lost just before committing.
        var store = new LeaseLosingStore(new MemoryStateStore(TimeProvider.System), losses: 2);
        await using var host = await BotHost.StartAsync(services: s => s.AddSingleton<IStateStore>(store));

        var answer = await host.WeCom.SendTextAsync(DemoUsers.Resident, "帮助");

        Assert.True(string.IsNullOrEmpty(answer.PassiveReply), "a turn without its lease answered in the callback");
        Assert.Equal(0, store.LossesLeft);
        // The sweeper's drain, holding the lease, runs the message once; the reply comes as a push.
        await BotHost.EventuallyAsync(() => Task.FromResult(host.PushedTextsTo(DemoUsers.Resident).Count > 0), TimeSpan.FromSeconds(60),
            "the message was not answered by the next holder of the lease");
        await host.SettledAsync();
        Assert.Contains("社区小助手", Assert.Single(host.PushedTextsTo(DemoUsers.Resident)));
        var row = await host.WithDbAsync(db => db.Inbox.AsNoTracking().SingleAsync(m => m.UserId == DemoUsers.Resident));
        Assert.Equal(InboxStatus.Done, row.Status);
        Assert.Null(row.Error);
    }

    /// <summary>The real memory store, except that the first renewed leases it hands out are already lost.</summary>
    private sealed class LeaseLosingStore(IStateStore inner, int losses) : IStateStore
    {
        private int _losses = losses;

        public int LossesLeft => Math.Max(0, Volatile.Read(ref _losses));

        public async Task<IStateLease?> AcquireRenewedLockAsync(string key, TimeSpan lease, TimeSpan wait, CancellationToken ct = default)
        {
            var held = await inner.AcquireRenewedLockAsync(key, lease, wait, ct);
            if (held is null || !key.StartsWith("turn:", StringComparison.Ordinal) || Interlocked.Decrement(ref _losses) < 0) return held;
            return new LostLease(held);
        }

        public Task<string?> GetAsync(string key, CancellationToken ct = default) => inner.GetAsync(key, ct);
        public Task SetAsync(string key, string value, TimeSpan? expiry = null, CancellationToken ct = default) => inner.SetAsync(key, value, expiry, ct);
        public Task<bool> RemoveAsync(string key, CancellationToken ct = default) => inner.RemoveAsync(key, ct);
        public Task<long> IncrementAsync(string key, TimeSpan window, CancellationToken ct = default) => inner.IncrementAsync(key, window, ct);
        public Task<IAsyncDisposable?> AcquireLockAsync(string key, TimeSpan lease, TimeSpan wait, CancellationToken ct = default) =>
            inner.AcquireLockAsync(key, lease, wait, ct);

        private sealed class LostLease(IStateLease held) : IStateLease
        {
            public CancellationToken Lost { get; } = new(canceled: true);
            public ValueTask DisposeAsync() => held.DisposeAsync();
        }
    }
}
