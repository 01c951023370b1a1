using GovBot.Skills.State;

namespace GovBot.Host.Turns;

/// <summary>
/// A member's turn lease in the shared state store: held, the member's messages are theirs to run, one at a time and
/// in order, on this host. Both paths that finish an inbox row take the same key.
/// </summary>
internal static class TurnLease
{
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(30);

    /// <summary>The lease, or null when another turn of the member holds it past <paramref name="wait"/>.</summary>
    public static Task<IStateLease?> TakeAsync(IStateStore state, string userId, TimeSpan wait, CancellationToken ct) =>
        state.AcquireRenewedLockAsync("turn:" + userId, Duration, wait, ct);
}
