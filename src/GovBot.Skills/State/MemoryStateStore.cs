using System.Collections.Concurrent;

namespace GovBot.Skills.State;

/// <summary>The embedded default: state lives in this process and is gone after a restart.</summary>
public sealed partial class MemoryStateStore(TimeProvider time) : IStateStore
{
    private sealed record Entry(string Value, DateTimeOffset? ExpiresAt);

    private readonly ConcurrentDictionary<string, Entry> _entries = new();
    private readonly ConcurrentDictionary<string, LockSlot> _locks = new();
    private long _lastToken;

    public Task<string?> GetAsync(string key, CancellationToken ct = default) =>
        Task.FromResult(TryRead(key, out var entry) ? entry.Value : null);

    public Task SetAsync(string key, string value, TimeSpan? expiry = null, CancellationToken ct = default)
    {
        _entries[key] = new Entry(value, expiry is { } e ? time.GetUtcNow() + e : null);
        return Task.CompletedTask;
    }

    public Task<bool> RemoveAsync(string key, CancellationToken ct = default)
    {
        // An expired entry that nobody has read yet is still in the dictionary; it was already gone for callers.
        if (!_entries.TryRemove(key, out var removed)) return Task.FromResult(false);
        return Task.FromResult(removed.ExpiresAt is not { } at || at > time.GetUtcNow());
    }

    public Task<long> IncrementAsync(string key, TimeSpan window, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var updated = _entries.AddOrUpdate(
            key,
            _ => new Entry("1", now + window),
            (_, old) => old.ExpiresAt is { } at && at <= now
                ? new Entry("1", now + window)
                // A value set without expiry gets the window too, as in Redis, so a counter never lives forever.
                : new Entry((long.Parse(old.Value) + 1).ToString(), old.ExpiresAt ?? now + window));
        return Task.FromResult(long.Parse(updated.Value));
    }

    public async Task<IAsyncDisposable?> AcquireLockAsync(string key, TimeSpan lease, TimeSpan wait, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        if (wait < TimeSpan.Zero && wait != Timeout.InfiniteTimeSpan) throw new ArgumentOutOfRangeException(nameof(wait));
        ct.ThrowIfCancellationRequested();

        var now = time.GetUtcNow();
        DateTimeOffset? deadline = wait == Timeout.InfiniteTimeSpan ? null : now + wait;
        var token = Interlocked.Increment(ref _lastToken);

        LockSlot slot;
        Waiter waiter;
        while (true)
        {
            slot = _locks.GetOrAdd(key, static k => new LockSlot(k));
            lock (slot)
            {
                // A slot retired by its last release has left the dictionary; take a fresh one.
                if (slot.Retired) continue;
                ExpireIfDue(slot, now);
                // Expiring an abandoned lease with nobody waiting retires the slot too.
                if (slot.Retired) continue;
                if (slot.Owner == 0 && slot.Waiters.Count == 0)
                {
                    slot.Owner = token;
                    slot.ExpiresAt = now + lease;
                    return new Release(this, slot, token);
                }
                if (deadline is { } d && d <= now) return null;
                waiter = new Waiter(token, lease);
                slot.Waiters.AddLast(waiter.Node);
                break;
            }
        }

        // Waiters queue in arrival order and a release hands the lease straight to the head, so no newcomer
        // can barge in ahead of them. A lease that is never released is noticed by waking when it runs out.
        while (true)
        {
            TimeSpan sleep;
            lock (slot)
            {
                if (waiter.Granted.Task.IsCompleted) return new Release(this, slot, token);
                now = time.GetUtcNow();
                ExpireIfDue(slot, now);
                if (waiter.Granted.Task.IsCompleted) return new Release(this, slot, token);
                if (deadline is { } d && d <= now)
                {
                    slot.Waiters.Remove(waiter.Node);
                    return null;
                }
                var untilExpiry = slot.ExpiresAt - now;
                sleep = deadline is { } dl && dl - now < untilExpiry ? dl - now : untilExpiry;
            }

            try
            {
                await waiter.Granted.Task.WaitAsync(sleep, time, ct).ConfigureAwait(false);
                return new Release(this, slot, token);
            }
            catch (TimeoutException)
            {
                // Either our wait ran out or the owner's lease did; the top of the loop tells which.
            }
            catch (OperationCanceledException)
            {
                lock (slot)
                {
                    // The lease may have been handed to us just as we were cancelled: pass it on, nobody holds the handle.
                    if (!waiter.Granted.Task.IsCompleted) slot.Waiters.Remove(waiter.Node);
                    else if (slot.Owner == token) HandOver(slot, time.GetUtcNow());
                }
                throw;
            }
        }
    }

    private bool TryRead(string key, out Entry entry)
    {
        if (_entries.TryGetValue(key, out entry!))
        {
            if (entry.ExpiresAt is not { } at || at > time.GetUtcNow()) return true;
            _entries.TryRemove(KeyValuePair.Create(key, entry));
        }
        return false;
    }

    /// <summary>Called under the slot's lock: a lease that ran out without release goes to the next in line.</summary>
    private void ExpireIfDue(LockSlot slot, DateTimeOffset now)
    {
        if (slot.Owner != 0 && slot.ExpiresAt <= now) HandOver(slot, now);
    }

    /// <summary>Called under the slot's lock: gives the lease to the longest waiter, or frees the slot.</summary>
    private void HandOver(LockSlot slot, DateTimeOffset now)
    {
        while (slot.Waiters.First is { } node)
        {
            slot.Waiters.RemoveFirst();
            var next = node.Value;
            slot.Owner = next.Token;
            slot.ExpiresAt = now + next.Lease;
            if (next.Granted.TrySetResult()) return;
        }

        slot.Owner = 0;
        // Locks are taken per user; dropping idle slots keeps the dictionary from growing with every user ever seen.
        slot.Retired = true;
        _locks.TryRemove(KeyValuePair.Create(slot.Key, slot));
    }

    private void ReleaseLease(LockSlot slot, long token)
    {
        lock (slot)
        {
            // After our lease expired the slot may belong to someone else: never release their lease.
            if (slot.Owner == token) HandOver(slot, time.GetUtcNow());
        }
    }

    private sealed class LockSlot(string key)
    {
        public string Key { get; } = key;
        public long Owner;
        public DateTimeOffset ExpiresAt;
        public bool Retired;
        public readonly LinkedList<Waiter> Waiters = new();
    }

    private sealed class Waiter
    {
        public Waiter(long token, TimeSpan lease)
        {
            Token = token;
            Lease = lease;
            Node = new LinkedListNode<Waiter>(this);
        }

        public long Token { get; }
        public TimeSpan Lease { get; }
        public LinkedListNode<Waiter> Node { get; }

        // Completed under the slot's lock; continuations run elsewhere so the releaser never runs the waiter's work.
        public TaskCompletionSource Granted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class Release(MemoryStateStore store, LockSlot slot, long token) : IAsyncDisposable
    {
        private int _released;

        public LockSlot Slot => slot;
        public long Token => token;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) store.ReleaseLease(slot, token);
            return ValueTask.CompletedTask;
        }
    }
}
