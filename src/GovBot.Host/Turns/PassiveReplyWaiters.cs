using System.Collections.Concurrent;

namespace GovBot.Host.Turns;

/// <summary>
/// Callbacks waiting for their turn to finish inside the passive-reply budget. A waiter is either claimed
/// by the turn (which then answers inside the HTTP response) or expired by the callback (the turn then
/// pushes its reply through the API); never both, so a reply is delivered exactly one way.
/// </summary>
public sealed class PassiveReplyWaiters
{
    private readonly ConcurrentDictionary<long, Waiter> _waiters = new();

    public Waiter Register(long inboxId) => _waiters.GetOrAdd(inboxId, _ => new Waiter());

    public Waiter? Find(long inboxId) => _waiters.GetValueOrDefault(inboxId);

    public void Remove(long inboxId) => _waiters.TryRemove(inboxId, out _);

    public sealed class Waiter
    {
        private const int Waiting = 0, Claimed = 1, Expired = 2;
        private int _state;
        private readonly TaskCompletionSource<string?> _reply = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>The passive reply text, or null when the callback should answer empty.</summary>
        public Task<string?> Reply => _reply.Task;

        /// <summary>The turn takes the answer on itself; false when the callback already gave up.</summary>
        public bool TryClaim() => Interlocked.CompareExchange(ref _state, Claimed, Waiting) == Waiting;

        /// <summary>The callback gives up waiting; false when the turn has already claimed the answer.</summary>
        public bool TryExpire() => Interlocked.CompareExchange(ref _state, Expired, Waiting) == Waiting;

        public void Complete(string? text) => _reply.TrySetResult(text);
    }
}
