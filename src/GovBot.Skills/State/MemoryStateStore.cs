using System.Collections.Concurrent;

namespace GovBot.Skills.State;

/// <summary>The embedded default: state lives in this process and is gone after a restart.</summary>
public sealed class MemoryStateStore(TimeProvider time) : IStateStore
{
    private sealed record Entry(string Value, DateTimeOffset? ExpiresAt);

    private readonly ConcurrentDictionary<string, Entry> _entries = new();
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new();

    public Task<string?> GetAsync(string key, CancellationToken ct = default) =>
        Task.FromResult(TryRead(key, out var entry) ? entry.Value : null);

    public Task SetAsync(string key, string value, TimeSpan? expiry = null, CancellationToken ct = default)
    {
        _entries[key] = new Entry(value, expiry is { } e ? time.GetUtcNow() + e : null);
        return Task.CompletedTask;
    }

    public Task<bool> RemoveAsync(string key, CancellationToken ct = default) =>
        Task.FromResult(_entries.TryRemove(key, out _));

    public Task<long> IncrementAsync(string key, TimeSpan window, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var updated = _entries.AddOrUpdate(
            key,
            _ => new Entry("1", now + window),
            (_, old) => old.ExpiresAt is { } at && at <= now
                ? new Entry("1", now + window)
                : new Entry((long.Parse(old.Value) + 1).ToString(), old.ExpiresAt));
        return Task.FromResult(long.Parse(updated.Value));
    }

    public async Task<IAsyncDisposable?> AcquireLockAsync(string key, TimeSpan lease, TimeSpan wait, CancellationToken ct = default)
    {
        // One process owns all the state, so a semaphore per key is the whole lease; it cannot outlive us.
        var gate = _locks.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        return await gate.WaitAsync(wait, ct) ? new Release(gate) : null;
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

    private sealed class Release(SemaphoreSlim gate) : IAsyncDisposable
    {
        private int _released;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) gate.Release();
            return ValueTask.CompletedTask;
        }
    }
}
