using System.Collections.Concurrent;
using GovBot.Skills.State;

namespace GovBot.Skills.Tests.State;

/// <summary>
/// What every <see cref="IStateStore"/> must do, whatever keeps the state. A subclass supplies two stores that share
/// state as two host instances would (<see cref="Store"/> and <see cref="OtherHost"/>), and a way to let time pass.
/// </summary>
public abstract class StateStoreContract : IAsyncLifetime
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(10);

    // Guards awaits in real time, so a broken lock fails the test instead of hanging the run.
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);

    protected IStateStore Store { get; private set; } = null!;

    /// <summary>A second instance over the same state, connected separately, as another host would be.</summary>
    protected IStateStore OtherHost { get; private set; } = null!;

    /// <summary>The expiry used by the expiry tests; short where time is real.</summary>
    protected abstract TimeSpan Ttl { get; }

    protected abstract Task<(IStateStore Store, IStateStore OtherHost)> CreateStoresAsync();

    /// <summary>Lets <paramref name="duration"/> pass for the store.</summary>
    protected abstract Task ElapseAsync(TimeSpan duration);

    /// <summary>The clock <see cref="ElapseAsync"/> moves: the store's own, or the real one.</summary>
    protected abstract TimeProvider Clock { get; }

    /// <summary>The lease of the renewal tests: where time is real, long enough that a busy machine still renews in time.</summary>
    protected virtual TimeSpan RenewedLease => Ttl;

    /// <summary>Makes the holder of <paramref name="key"/> lose it as it would in life: the lease ran out unrenewed.</summary>
    protected abstract Task LoseLeaseAsync(string key);

    public async Task InitializeAsync() => (Store, OtherHost) = await CreateStoresAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    private TimeSpan PastTtl => Ttl * 1.5;

    /// <summary>
    /// For scenarios that check something has NOT expired yet. In real time a busy machine can oversleep past the
    /// expiry; the check then proves nothing, so the scenario runs again on a fresh key instead of failing.
    /// Checks that something HAS expired need no such care: oversleeping only makes them more certain.
    /// </summary>
    private static async Task RepeatIfStalledAsync(string key, Func<string, Task> scenario)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await scenario($"{key}#{attempt}");
                return;
            }
            catch (StalledException) when (attempt < 5)
            {
            }
        }
    }

    /// <summary>Call after a step's answer came: throws when <paramref name="limit"/> may have passed since <paramref name="start"/>.</summary>
    private void EnsureWithin(long start, TimeSpan limit)
    {
        // Measured from before the first command was sent to after the answer came, so it bounds the server's view too.
        if (Clock.GetElapsedTime(start) >= limit) throw new StalledException();
    }

    private sealed class StalledException : Exception;

    [Fact]
    public async Task Get_of_a_missing_key_is_null() =>
        Assert.Null(await Store.GetAsync("missing"));

    [Fact]
    public async Task Set_value_is_seen_by_the_other_host_and_can_be_overwritten()
    {
        await Store.SetAsync("dialog", "step-1");
        Assert.Equal("step-1", await OtherHost.GetAsync("dialog"));

        await OtherHost.SetAsync("dialog", "step-2");
        Assert.Equal("step-2", await Store.GetAsync("dialog"));
    }

    [Fact]
    public async Task Remove_deletes_and_reports_whether_there_was_a_value()
    {
        await Store.SetAsync("token", "abc");

        Assert.True(await OtherHost.RemoveAsync("token"));
        Assert.Null(await Store.GetAsync("token"));
        Assert.False(await Store.RemoveAsync("token"));
    }

    [Fact]
    public Task Value_with_expiry_disappears_after_it() => RepeatIfStalledAsync("token", async key =>
    {
        var start = Clock.GetTimestamp();
        await Store.SetAsync(key, "abc", Ttl);
        var value = await Store.GetAsync(key);
        EnsureWithin(start, Ttl);
        Assert.Equal("abc", value);

        await ElapseAsync(PastTtl);

        Assert.Null(await Store.GetAsync(key));
        Assert.Null(await OtherHost.GetAsync(key));
    });

    [Fact]
    public Task Setting_again_with_expiry_restarts_it() => RepeatIfStalledAsync("dialog", async key =>
    {
        await Store.SetAsync(key, "step-1", Ttl);
        await ElapseAsync(Ttl * 0.7);
        var reset = Clock.GetTimestamp();
        await Store.SetAsync(key, "step-2", Ttl);
        await ElapseAsync(Ttl * 0.5);

        // 1.2 TTL after the first set, 0.5 after the second.
        var value = await Store.GetAsync(key);
        EnsureWithin(reset, Ttl);
        Assert.Equal("step-2", value);

        await ElapseAsync(Ttl * 0.7);
        Assert.Null(await Store.GetAsync(key));
    });

    [Fact]
    public async Task Setting_without_expiry_clears_an_earlier_expiry()
    {
        await Store.SetAsync("setting", "v1", Ttl);
        await Store.SetAsync("setting", "v2");

        await ElapseAsync(PastTtl);

        Assert.Equal("v2", await Store.GetAsync("setting"));
    }

    [Fact]
    public async Task Remove_of_an_expired_value_reports_false()
    {
        await Store.SetAsync("token", "abc", Ttl);
        await ElapseAsync(PastTtl);

        Assert.False(await Store.RemoveAsync("token"));
    }

    [Fact]
    public async Task Increment_counts_from_one_per_key()
    {
        Assert.Equal(1, await Store.IncrementAsync("rate:alice", Long));
        Assert.Equal(2, await OtherHost.IncrementAsync("rate:alice", Long));
        Assert.Equal(3, await Store.IncrementAsync("rate:alice", Long));
        Assert.Equal(1, await Store.IncrementAsync("rate:bob", Long));

        Assert.Equal("3", await Store.GetAsync("rate:alice"));
    }

    [Fact]
    public async Task Increment_window_restarts_after_it_expires()
    {
        await Store.IncrementAsync("rate", Ttl);
        await Store.IncrementAsync("rate", Ttl);

        await ElapseAsync(PastTtl);

        Assert.Equal(1, await Store.IncrementAsync("rate", Ttl));
    }

    [Fact]
    public Task Increment_window_runs_from_the_first_increment_and_is_not_extended() => RepeatIfStalledAsync("rate", async key =>
    {
        var start = Clock.GetTimestamp();
        await Store.IncrementAsync(key, Ttl);
        await ElapseAsync(Ttl * 0.5);
        var count = await Store.IncrementAsync(key, Ttl);
        EnsureWithin(start, Ttl);
        Assert.Equal(2, count);

        // 1.2 TTL after the first increment: a sliding window would still be open.
        await ElapseAsync(Ttl * 0.7);
        Assert.Equal(1, await Store.IncrementAsync(key, Ttl));
    });

    [Fact]
    public async Task Concurrent_increments_from_two_hosts_are_exact()
    {
        const int tasksPerHost = 8, incrementsPerTask = 25;
        var seen = new ConcurrentBag<long>();
        var work = new[] { Store, OtherHost }
            .SelectMany(host => Enumerable.Range(0, tasksPerHost).Select(_ => Task.Run(async () =>
            {
                for (var i = 0; i < incrementsPerTask; i++) seen.Add(await host.IncrementAsync("rate", Long));
            })));
        await Task.WhenAll(work).WaitAsync(Guard);

        const int total = 2 * tasksPerHost * incrementsPerTask;
        Assert.Equal(Enumerable.Range(1, total).Select(n => (long)n), seen.Order());
        Assert.Equal(total.ToString(), await Store.GetAsync("rate"));
    }

    [Theory]
    [InlineData("您好！请问办理居住证需要哪些材料？")]
    [InlineData("进度：已受理 ✅ 🏛️ 预计 3 个工作日")]
    [InlineData("Ünïcödé — ñ ∑ 𝄞")]
    [InlineData("line 1\nline 2\t\"quoted\" \\ {\"json\":true}")]
    [InlineData("")]
    public async Task Values_and_keys_round_trip_unchanged(string value)
    {
        await Store.SetAsync("对话:张三", value);

        Assert.Equal(value, await OtherHost.GetAsync("对话:张三"));
    }

    [Fact]
    public async Task Large_chinese_value_round_trips()
    {
        var value = string.Concat(Enumerable.Repeat("政务服务一网通办。", 10_000));
        await Store.SetAsync("big", value);

        Assert.Equal(value, await OtherHost.GetAsync("big"));
    }

    [Fact]
    public async Task Lock_excludes_a_second_acquirer_on_another_host()
    {
        await using var held = await Store.AcquireLockAsync("user:alice", Long, TimeSpan.Zero);
        Assert.NotNull(held);

        Assert.Null(await OtherHost.AcquireLockAsync("user:alice", Long, TimeSpan.Zero));

        var waiting = OtherHost.AcquireLockAsync("user:alice", Long, Ttl * 0.5);
        await ElapseAsync(Ttl);
        Assert.Null(await waiting.WaitAsync(Guard));
    }

    [Fact]
    public async Task Lock_released_on_dispose_goes_to_the_waiting_acquirer()
    {
        var held = await Store.AcquireLockAsync("user:alice", Long, TimeSpan.Zero);
        Assert.NotNull(held);
        var waiting = OtherHost.AcquireLockAsync("user:alice", Long, Long);
        Assert.False(waiting.IsCompleted);

        await held.DisposeAsync();

        await using var next = await waiting.WaitAsync(Guard);
        Assert.NotNull(next);
    }

    [Fact]
    public Task Lease_that_is_not_released_expires() => RepeatIfStalledAsync("user:alice", async key =>
    {
        var start = Clock.GetTimestamp();
        var abandoned = await Store.AcquireLockAsync(key, Ttl, TimeSpan.Zero);
        Assert.NotNull(abandoned);
        var excluded = await OtherHost.AcquireLockAsync(key, Long, TimeSpan.Zero);
        EnsureWithin(start, Ttl);
        Assert.Null(excluded);

        var waiting = OtherHost.AcquireLockAsync(key, Long, Long);
        await ElapseAsync(PastTtl);

        await using var next = await waiting.WaitAsync(Guard);
        Assert.NotNull(next);
    });

    [Fact]
    public async Task Disposing_after_the_lease_expired_does_not_release_the_next_holder()
    {
        var late = await Store.AcquireLockAsync("user:alice", Ttl, TimeSpan.Zero);
        Assert.NotNull(late);
        await ElapseAsync(PastTtl);
        var current = await OtherHost.AcquireLockAsync("user:alice", Long, TimeSpan.Zero);
        Assert.NotNull(current);

        await late.DisposeAsync();

        Assert.Null(await Store.AcquireLockAsync("user:alice", Long, TimeSpan.Zero));
        await current.DisposeAsync();
        await using var after = await Store.AcquireLockAsync("user:alice", Long, TimeSpan.Zero);
        Assert.NotNull(after);
    }

    [Fact]
    public async Task Renewed_lease_is_held_past_its_length_until_released()
    {
        var held = await Store.AcquireRenewedLockAsync("turn:alice", RenewedLease, TimeSpan.Zero);
        Assert.NotNull(held);

        // Three lease lengths, in steps shorter than a renewal period, as a slow language model would take.
        for (var i = 0; i < 12; i++) await ElapseAsync(RenewedLease / 4);

        Assert.Null(await OtherHost.AcquireLockAsync("turn:alice", Long, TimeSpan.Zero));
        Assert.False(held.Lost.IsCancellationRequested);
        var waiting = OtherHost.AcquireLockAsync("turn:alice", Long, Long);
        await held.DisposeAsync();
        await using var next = await waiting.WaitAsync(Guard);
        Assert.NotNull(next);
    }

    [Fact]
    public async Task Renewed_lease_that_was_lost_says_so_and_leaves_the_next_holder_alone()
    {
        var held = await Store.AcquireRenewedLockAsync("turn:alice", RenewedLease, TimeSpan.Zero);
        Assert.NotNull(held);

        await LoseLeaseAsync("turn:alice");
        await Task.Delay(Timeout.InfiniteTimeSpan, held.Lost).ContinueWith(_ => { }).WaitAsync(Guard);
        await using var next = await OtherHost.AcquireLockAsync("turn:alice", Long, TimeSpan.Zero);
        Assert.NotNull(next);

        await held.DisposeAsync();
        Assert.Null(await Store.AcquireLockAsync("turn:alice", Long, TimeSpan.Zero));
    }

    [Fact]
    public async Task Renewed_lease_excludes_and_is_released_like_any_lock()
    {
        var held = await Store.AcquireRenewedLockAsync("turn:alice", Long, TimeSpan.Zero);
        Assert.NotNull(held);
        Assert.Null(await OtherHost.AcquireRenewedLockAsync("turn:alice", Long, TimeSpan.Zero));

        await held.DisposeAsync();
        await held.DisposeAsync();

        await using var next = await OtherHost.AcquireRenewedLockAsync("turn:alice", Long, TimeSpan.Zero);
        Assert.NotNull(next);
        Assert.False(held.Lost.IsCancellationRequested);
    }

    [Fact]
    public async Task Disposing_a_lock_twice_releases_it_once()
    {
        var first = await Store.AcquireLockAsync("user:alice", Long, TimeSpan.Zero);
        Assert.NotNull(first);
        await first.DisposeAsync();
        await using var second = await OtherHost.AcquireLockAsync("user:alice", Long, TimeSpan.Zero);
        Assert.NotNull(second);

        await first.DisposeAsync();

        Assert.Null(await Store.AcquireLockAsync("user:alice", Long, TimeSpan.Zero));
    }

    [Fact]
    public async Task Locks_on_different_keys_are_independent_and_leave_values_alone()
    {
        await Store.SetAsync("user:alice", "dialog");
        await using var alice = await Store.AcquireLockAsync("user:alice", Long, TimeSpan.Zero);
        await using var bob = await OtherHost.AcquireLockAsync("user:bob", Long, TimeSpan.Zero);
        Assert.NotNull(alice);
        Assert.NotNull(bob);

        await alice.DisposeAsync();

        Assert.Equal("dialog", await Store.GetAsync("user:alice"));
    }

    [Fact]
    public async Task Cancelled_wait_throws_and_does_not_keep_a_claim_on_the_lock()
    {
        var held = await Store.AcquireLockAsync("user:alice", Long, TimeSpan.Zero);
        Assert.NotNull(held);
        using var cancel = new CancellationTokenSource();
        var waiting = OtherHost.AcquireLockAsync("user:alice", Long, Long, cancel.Token);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(Guard));
        await held.DisposeAsync();
        await using var next = await Store.AcquireLockAsync("user:alice", Long, TimeSpan.Zero);
        Assert.NotNull(next);
    }

    [Fact]
    public async Task Lock_gives_mutual_exclusion_to_workers_on_two_hosts()
    {
        const int workersPerHost = 3, rounds = 4;
        var inside = 0;
        var overlaps = 0;
        var entries = 0;
        var workers = new[] { Store, OtherHost }
            .SelectMany(host => Enumerable.Range(0, workersPerHost).Select(_ => Task.Run(async () =>
            {
                for (var i = 0; i < rounds; i++)
                {
                    await using var held = await host.AcquireLockAsync("user:alice", Long, Long)
                        ?? throw new InvalidOperationException("lock not acquired within the wait");
                    if (Interlocked.Increment(ref inside) != 1) Interlocked.Increment(ref overlaps);
                    Interlocked.Increment(ref entries);
                    // Real time on purpose: a broken lock lets another worker in while this one is away.
                    await Task.Delay(2);
                    Interlocked.Decrement(ref inside);
                }
            })));

        await Task.WhenAll(workers).WaitAsync(Guard * 2);

        Assert.Equal(0, overlaps);
        Assert.Equal(2 * workersPerHost * rounds, entries);
    }
}
