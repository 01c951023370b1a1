using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;
using StackExchange.Redis.KeyspaceIsolation;

namespace GovBot.Skills.State;

/// <summary>
/// State shared by every host instance through Redis. Expiry is the server's: a set with expiry is SET PX,
/// so each set restarts it. Works with Redis 6.2 and later (Lua scripts rather than newer commands).
/// </summary>
/// <remarks>
/// StackExchange.Redis commands cannot be cancelled once sent, so <see cref="CancellationToken"/>s are honoured
/// before a command and while waiting for a lock; a command itself is bounded by the client's async timeout.
/// </remarks>
public sealed partial class RedisStateStore : IStateStore
{
    // INCR and the window's expiry in one step, so a crash between the two cannot leave a counter that never resets.
    // The PTTL check also gives a window to a key that somehow has none (e.g. it was SET without expiry).
    private const string IncrementScript = """
        local n = redis.call('INCR', KEYS[1])
        if n == 1 or redis.call('PTTL', KEYS[1]) == -1 then
          redis.call('PEXPIRE', KEYS[1], ARGV[1])
        end
        return n
        """;

    // Delete the lease only while it still holds our token: once it expired it may be someone else's.
    private const string ReleaseScript = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then
          return redis.call('DEL', KEYS[1])
        end
        return 0
        """;

    private static readonly TimeSpan OneMillisecond = TimeSpan.FromMilliseconds(1);

    // Lock polling: start fast so an uncontended hand-over between hosts is quick, back off to spare Redis,
    // and cap low so a waiter notices a release within a few tens of milliseconds.
    private static readonly TimeSpan FirstPoll = TimeSpan.FromMilliseconds(5);
    private static readonly TimeSpan MaxPoll = TimeSpan.FromMilliseconds(50);

    private readonly IDatabase _values;
    private readonly IDatabase _locks;
    private readonly ILogger _logger;

    public RedisStateStore(IConnectionMultiplexer redis, RedisStateStoreOptions? options = null, ILogger<RedisStateStore>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(redis);
        var prefix = (options ?? new RedisStateStoreOptions()).KeyPrefix ?? "";
        // The key-prefix wrappers write the prefix bytes in front of each key as it is sent: no string concatenation per call.
        var database = redis.GetDatabase();
        _values = prefix.Length == 0 ? database : database.WithKeyPrefix(prefix);
        _locks = database.WithKeyPrefix(prefix + "lock:");
        _logger = logger ?? NullLogger<RedisStateStore>.Instance;
    }

    public async Task<string?> GetAsync(string key, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        return await _values.StringGetAsync(key).ConfigureAwait(false);
    }

    public Task SetAsync(string key, string value, TimeSpan? expiry = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(value);
        ct.ThrowIfCancellationRequested();
        return expiry switch
        {
            // Already expired: same outcome as the memory store, and SET would reject a zero or negative PX.
            { } e when e <= TimeSpan.Zero => _values.KeyDeleteAsync(key),
            // PX counts whole milliseconds; rounding a tiny positive expiry down to 0 would be an error too.
            { } e when e < OneMillisecond => _values.StringSetAsync(key, value, OneMillisecond, When.Always),
            // Plain SET (no KEEPTTL) also clears an earlier expiry when none is given, like the memory store.
            _ => _values.StringSetAsync(key, value, expiry, When.Always),
        };
    }

    public Task<bool> RemoveAsync(string key, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        return _values.KeyDeleteAsync(key);
    }

    public async Task<long> IncrementAsync(string key, TimeSpan window, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        ct.ThrowIfCancellationRequested();
        var result = await _values.ScriptEvaluateAsync(
            IncrementScript, [key], [ToMilliseconds(window)]).ConfigureAwait(false);
        return (long)result;
    }

    public async Task<IAsyncDisposable?> AcquireLockAsync(string key, TimeSpan lease, TimeSpan wait, CancellationToken ct = default) =>
        await TakeLeaseAsync(key, lease, wait, ct).ConfigureAwait(false) is { } token ? new Lease(_locks, key, token, _logger) : null;

    public async Task<IStateLease?> AcquireRenewedLockAsync(string key, TimeSpan lease, TimeSpan wait, CancellationToken ct = default)
    {
        var started = Stopwatch.GetTimestamp();
        if (await TakeLeaseAsync(key, lease, wait, ct).ConfigureAwait(false) is not { } token) return null;
        // Counted from before the SET that won: the server's expiry started no earlier than that.
        return new RenewedLease(_locks, key, token, lease, started, _logger);
    }

    /// <summary>The lease's token once SET NX took it; null when <paramref name="wait"/> ran out first.</summary>
    private async Task<RedisValue?> TakeLeaseAsync(string key, TimeSpan lease, TimeSpan wait, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        if (wait < TimeSpan.Zero && wait != Timeout.InfiniteTimeSpan) throw new ArgumentOutOfRangeException(nameof(wait));
        ct.ThrowIfCancellationRequested();

        // A random 64-bit token is unique enough to tell leases apart and travels as an integer: nothing to allocate.
        RedisValue token = Random.Shared.NextInt64(1, long.MaxValue);
        var px = lease < OneMillisecond ? OneMillisecond : lease;
        var started = Stopwatch.GetTimestamp();
        var poll = FirstPoll;

        while (true)
        {
            // SET key token NX PX lease.
            if (await _locks.StringSetAsync(key, token, px, When.NotExists).ConfigureAwait(false))
                return token;

            var sleep = Jitter(poll);
            if (wait != Timeout.InfiniteTimeSpan)
            {
                var left = wait - Stopwatch.GetElapsedTime(started);
                if (left <= TimeSpan.Zero) return null;
                if (left < sleep) sleep = left;
            }
            await Task.Delay(sleep, ct).ConfigureAwait(false);
            poll = poll * 2 < MaxPoll ? poll * 2 : MaxPoll;
        }
    }

    private static long ToMilliseconds(TimeSpan span) => Math.Max(1L, (long)Math.Ceiling(span.TotalMilliseconds));

    // Spread the pollers of different hosts so they do not hit Redis in lock-step after a release.
    private static TimeSpan Jitter(TimeSpan poll) => poll * (0.75 + Random.Shared.NextDouble() * 0.5);

    private sealed class Lease(IDatabase locks, RedisKey key, RedisValue token, ILogger logger) : IAsyncDisposable
    {
        private int _released;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) != 0) return;
            try
            {
                await locks.ScriptEvaluateAsync(ReleaseScript, [key], [token]).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException)
            {
                // Disposal runs in finally blocks; throwing here would hide the caller's own outcome.
                // The lease expires by itself, so the only cost is that the next holder waits for it.
                logger.LogWarning(ex, "Could not release lock {Key}; it will expire at the end of its lease", (string?)key);
            }
        }
    }
}
