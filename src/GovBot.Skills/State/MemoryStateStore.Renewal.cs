namespace GovBot.Skills.State;

public sealed partial class MemoryStateStore
{
    public async Task<IStateLease?> AcquireRenewedLockAsync(string key, TimeSpan lease, TimeSpan wait, CancellationToken ct = default)
    {
        if (await AcquireLockAsync(key, lease, wait, ct).ConfigureAwait(false) is not Release release) return null;
        return new RenewedLease(this, release, lease);
    }

    private TimeProvider Clock => time;

    /// <summary>Pushes the lease out by <paramref name="lease"/> while it is still ours and not yet run out.</summary>
    private bool TryExtend(LockSlot slot, long token, TimeSpan lease)
    {
        lock (slot)
        {
            var now = time.GetUtcNow();
            // A renewal that comes after the lease ran out is too late, as in Redis where the key would be gone:
            // someone may have been told the lease was free.
            if (slot.Owner != token || slot.ExpiresAt <= now)
            {
                ExpireIfDue(slot, now);
                return false;
            }
            slot.ExpiresAt = now + lease;
            return true;
        }
    }

    /// <summary>Renews on the store's own clock, so a test that moves a fake clock moves the renewals too.</summary>
    private sealed class RenewedLease : IStateLease
    {
        private readonly MemoryStateStore _store;
        private readonly Release _release;
        private readonly TimeSpan _lease;
        private readonly CancellationTokenSource _lost = new();
        private readonly ITimer _renewal;
        private int _stopped;

        public RenewedLease(MemoryStateStore store, Release release, TimeSpan lease)
        {
            _store = store;
            _release = release;
            _lease = lease;
            Lost = _lost.Token;
            var every = lease / 3;
            _renewal = store.Clock.CreateTimer(_ => Renew(), null, every, every);
        }

        public CancellationToken Lost { get; }

        private void Renew()
        {
            if (Volatile.Read(ref _stopped) != 0 || _store.TryExtend(_release.Slot, _release.Token, _lease)) return;
            // Outside the slot's lock: callbacks registered on Lost run here.
            if (Interlocked.Exchange(ref _stopped, 1) == 0)
            {
                _renewal.Dispose();
                _lost.Cancel();
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _stopped, 1) == 0) await _renewal.DisposeAsync().ConfigureAwait(false);
            await _release.DisposeAsync().ConfigureAwait(false);
        }
    }
}
