using GovBot.Skills.State;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using StackExchange.Redis.KeyspaceIsolation;

namespace GovBot.Host.WeCom.Outbox;

/// <summary>
/// WeCom's limits (see <see cref="WeComSendBudget"/>) counted in Redis, so that every host together stays within
/// them: 30 a minute to one member is 30 from all hosts, not 30 from each. A sorted set per member holds the
/// instants of its sends in the last hour (a sliding window, as the memory count keeps), and a counter per China
/// day the account's total. One Lua script checks every limit for the whole batch and, when it may go, counts it
/// at once: two hosts can never both take the last room. A batch is counted before it is sent, so one WeCom
/// then refuses still counts: the limit may be reached a little early, never passed.
/// </summary>
public sealed class RedisSendBudget(
    IConnectionMultiplexer redis,
    RedisStateStoreOptions storeOptions,
    TimeProvider time,
    IOptions<OutboxOptions> options,
    ILogger<RedisSendBudget> logger) : IWeComSendBudget
{
    private const long MinuteMs = 60_000;
    private const long HourMs = 3_600_000;

    // KEYS: the members' sets, then the day's counter. ARGV: now (ms), per minute, per hour, per day (0: none),
    // recipients, next China midnight (ms), a name for this send unique within each set.
    // Mirrors WeComSendBudget: sends older than an hour go; a window [now-w, now] that already holds `limit` sends
    // frees up when the oldest of the last `limit` leaves it.
    private const string TakeScript = """
        local now = tonumber(ARGV[1])
        local limits = { { 60000, tonumber(ARGV[2]) }, { 3600000, tonumber(ARGV[3]) } }
        local earliest = now
        local members = #KEYS - 1
        for i = 1, members do
          redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', now - 3600000)
          for _, w in ipairs(limits) do
            local since = '(' .. string.format('%d', now - w[1])
            local sent = redis.call('ZCOUNT', KEYS[i], since, '+inf')
            if sent >= w[2] then
              local oldest = redis.call('ZRANGEBYSCORE', KEYS[i], since, '+inf', 'WITHSCORES', 'LIMIT', sent - w[2], 1)
              local freed = tonumber(oldest[2]) + w[1]
              if freed > earliest then earliest = freed end
            end
          end
        end
        local day = KEYS[#KEYS]
        local daily = tonumber(ARGV[4])
        if daily > 0 and tonumber(redis.call('GET', day) or '0') + tonumber(ARGV[5]) > daily then
          local midnight = tonumber(ARGV[6])
          if midnight > earliest then earliest = midnight end
        end
        if earliest > now then return earliest end
        for i = 1, members do
          redis.call('ZADD', KEYS[i], now, ARGV[7])
          redis.call('PEXPIRE', KEYS[i], 3600000)
        end
        redis.call('INCRBY', day, tonumber(ARGV[5]))
        redis.call('PEXPIRE', day, 172800000)
        return 0
        """;

    // "{budget}" is a Redis Cluster hash tag: every key of one script lands on the same slot.
    private readonly IDatabase _db = redis.GetDatabase().WithKeyPrefix(storeOptions.KeyPrefix + "wecom:{budget}:");

    public async Task<DateTimeOffset?> TakeAsync(IReadOnlyCollection<string> users, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var now = time.GetUtcNow();
        var limits = options.Value;
        var keys = new RedisKey[users.Count + 1];
        var i = 0;
        foreach (var user in users) keys[i++] = "member:" + user;
        keys[i] = "day:" + Skills.Reminders.ChinaTime.Today(now).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        RedisValue[] args =
        [
            now.ToUnixTimeMilliseconds(), limits.MemberMessagesPerMinute, limits.MemberMessagesPerHour,
            (long)limits.AccountLimit * 200, users.Count, WeComSendBudget.NextChinaMidnight(now).ToUnixTimeMilliseconds(),
            Guid.NewGuid().ToString("N"),
        ];
        long result;
        try
        {
            result = (long)await _db.ScriptEvaluateAsync(TakeScript, keys, args);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogWarning(ex, "WeCom send limits could not be checked in Redis; the push waits and is tried again. Check that Redis is reachable");
            throw new SendBudgetUnavailableException("WeCom's send limits are kept in Redis, which did not answer: " + ex.Message, ex);
        }
        return result == 0 ? null : DateTimeOffset.FromUnixTimeMilliseconds(result);
    }

    /// <summary>Nothing to do: <see cref="TakeAsync"/> counted the batch when it let it go.</summary>
    public Task RecordAsync(IReadOnlyCollection<string> users) => Task.CompletedTask;
}
