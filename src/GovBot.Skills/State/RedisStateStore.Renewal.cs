using System.Diagnostics;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace GovBot.Skills.State;

public sealed partial class RedisStateStore
{
    // Push the expiry out only while the lease still holds our token (the compare-and-extend of Redlock's
    // "extend"): a lease that ran out may already be someone else's, and extending theirs would be a second owner.
    private const string ExtendScript = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then
          return redis.call('PEXPIRE', KEYS[1], ARGV[2])
        end
        return 0
        """;

    /// <summary>
    /// Renews every third of the lease. Fenced twice: a renewal that finds another token (or none) cancels
    /// <see cref="Lost"/>, and so does the clock, when a whole lease passes after the last renewal that was sent
    /// and answered (Redis unreachable, the process paused): by then the server may have let the key go.
    /// </summary>
    private sealed class RenewedLease : IStateLease
    {
        private readonly IDatabase _locks;
        private readonly RedisKey _key;
        private readonly RedisValue _token;
        private readonly TimeSpan _lease;
        private readonly ILogger _logger;
        private readonly CancellationTokenSource _lost;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _renewing;
        private int _released;

        public RenewedLease(IDatabase locks, RedisKey key, RedisValue token, TimeSpan lease, long takenAt, ILogger logger)
        {
            (_locks, _key, _token, _lease, _logger) = (locks, key, token, lease, logger);
            var left = lease - Stopwatch.GetElapsedTime(takenAt);
            _lost = new CancellationTokenSource(left > TimeSpan.Zero ? left : TimeSpan.Zero);
            Lost = _lost.Token;
            _renewing = RenewAsync();
        }

        public CancellationToken Lost { get; }

        private async Task RenewAsync()
        {
            var every = _lease / 3;
            while (!_lost.IsCancellationRequested)
            {
                try
                {
                    await Task.Delay(every, _stop.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                var sent = Stopwatch.GetTimestamp();
                try
                {
                    var extended = (long)await _locks.ScriptEvaluateAsync(
                        ExtendScript, [_key], [_token, ToMilliseconds(_lease)]).ConfigureAwait(false);
                    if (extended == 1)
                    {
                        // Sure until a lease after the renewal was sent; an answer that came late shortens that.
                        var left = _lease - Stopwatch.GetElapsedTime(sent);
                        if (left > TimeSpan.Zero && !_lost.IsCancellationRequested) _lost.CancelAfter(left);
                        continue;
                    }
                    _logger.LogWarning("Lease {Key} ran out or was taken by another holder before it could be renewed; the work under it is abandoned", (string?)_key);
                    await _lost.CancelAsync().ConfigureAwait(false);
                    return;
                }
                catch (Exception ex) when (ex is RedisException or TimeoutException)
                {
                    // Try again at the next tick; the clock fence cancels Lost if the lease runs out meanwhile.
                    _logger.LogWarning(ex, "Could not renew lease {Key}; trying again, the work under it is abandoned if it runs out first", (string?)_key);
                }
                catch (ObjectDisposedException)
                {
                    return; // the connection is gone: the host is stopping
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) != 0) return;
            await _stop.CancelAsync().ConfigureAwait(false);
            await _renewing.ConfigureAwait(false);
            // Stops the clock fence's timer; Lost is left undisposed, as its holder may still look at it.
            _lost.CancelAfter(Timeout.InfiniteTimeSpan);
            _stop.Dispose();
            try
            {
                await _locks.ScriptEvaluateAsync(ReleaseScript, [_key], [_token]).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException)
            {
                _logger.LogWarning(ex, "Could not release lock {Key}; it will expire at the end of its lease", (string?)_key);
            }
        }
    }
}
