namespace GovBot.Skills.State;

/// <summary>
/// Short-lived state that every host instance shares: dialogs, the WeCom access token,
/// rate-limit counters and per-user locks. Redis in production, process memory for the embedded default.
/// </summary>
public interface IStateStore
{
    Task<string?> GetAsync(string key, CancellationToken ct = default);

    /// <summary>Stores a value; with an expiry it disappears once that much time passes without another set.</summary>
    Task SetAsync(string key, string value, TimeSpan? expiry = null, CancellationToken ct = default);

    Task<bool> RemoveAsync(string key, CancellationToken ct = default);

    /// <summary>Adds one to a counter whose window starts at its first increment; returns the new count.</summary>
    Task<long> IncrementAsync(string key, TimeSpan window, CancellationToken ct = default);

    /// <summary>
    /// Waits up to <paramref name="wait"/> for an exclusive lease on <paramref name="key"/>, across all instances.
    /// Returns null when it could not be had; disposing the handle releases the lease if it is still ours.
    /// </summary>
    Task<IAsyncDisposable?> AcquireLockAsync(string key, TimeSpan lease, TimeSpan wait, CancellationToken ct = default);

    /// <summary>
    /// As <see cref="AcquireLockAsync"/>, for work that may outlast <paramref name="lease"/> (a turn waiting on a slow
    /// language model): while the handle is held the lease is renewed every third of it, by this holder's token only.
    /// A holder that dies stops renewing, so its lease still runs out. When a renewal finds the lease gone (it ran out
    /// first, or another holder has it), <see cref="IStateLease.Lost"/> is cancelled: work done under it must not commit.
    /// </summary>
    Task<IStateLease?> AcquireRenewedLockAsync(string key, TimeSpan lease, TimeSpan wait, CancellationToken ct = default);
}

/// <summary>A lease kept alive by renewal; disposing it stops the renewal and releases the lease if it is still ours.</summary>
public interface IStateLease : IAsyncDisposable
{
    /// <summary>Cancelled once the lease is known to be lost; never cancelled by disposing it.</summary>
    CancellationToken Lost { get; }
}
