using Microsoft.Extensions.Options;

namespace GovBot.Host.WeCom.Outbox;

/// <summary>
/// WeCom's documented limits on application messages (访问频率限制, developer.work.weixin.qq.com/document/path/90454):
/// one app may message one member at most 30 times a minute and 1000 times an hour, and WeCom silently drops
/// what is over; and one app may reach at most 账号上限数×200 member-messages a day. A batch that would pass a
/// limit waits (the row's NextAttemptAt) rather than being sent and lost. Counted per host process, from the
/// sends this process made (one host without Redis; see <see cref="RedisSendBudget"/> for several); the
/// 1000-per-call batching stays the outbox's, so a fan-out within the limits still goes in the fewest calls.
/// </summary>
public sealed class WeComSendBudget(TimeProvider time, IOptions<OutboxOptions> options) : IWeComSendBudget
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue<DateTimeOffset>> _sentTo = new(StringComparer.Ordinal);
    private DateOnly _day;
    private long _today;

    private OutboxOptions Options => options.Value;

    public Task<DateTimeOffset?> TakeAsync(IReadOnlyCollection<string> users, CancellationToken ct) => Task.FromResult(NotBefore(users));

    public Task RecordAsync(IReadOnlyCollection<string> users)
    {
        Record(users);
        return Task.CompletedTask;
    }

    /// <summary>Null when the batch may go now; otherwise the earliest instant every limit allows it.</summary>
    public DateTimeOffset? NotBefore(IReadOnlyCollection<string> users)
    {
        var now = time.GetUtcNow();
        var earliest = now;
        lock (_gate)
        {
            foreach (var user in users)
            {
                if (!_sentTo.TryGetValue(user, out var sends)) continue;
                Prune(sends, now);
                earliest = Max(earliest, FreedAt(sends, now - TimeSpan.FromMinutes(1), Options.MemberMessagesPerMinute, TimeSpan.FromMinutes(1)));
                earliest = Max(earliest, FreedAt(sends, now - TimeSpan.FromHours(1), Options.MemberMessagesPerHour, TimeSpan.FromHours(1)));
            }

            var daily = (long)Options.AccountLimit * 200;
            if (daily > 0 && TodayCount(now) + users.Count > daily)
                earliest = Max(earliest, NextChinaMidnight(now));
        }
        return earliest > now ? earliest : null;
    }

    /// <summary>Counts a batch WeCom accepted.</summary>
    public void Record(IReadOnlyCollection<string> users)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            TodayCount(now);
            _today += users.Count;
            foreach (var user in users)
            {
                if (!_sentTo.TryGetValue(user, out var sends)) _sentTo[user] = sends = new Queue<DateTimeOffset>();
                Prune(sends, now);
                sends.Enqueue(now);
            }
        }
    }

    /// <summary>When the window [since, now] holds <paramref name="limit"/> sends, the instant the oldest that counts falls out of it.</summary>
    private static DateTimeOffset FreedAt(Queue<DateTimeOffset> sends, DateTimeOffset since, int limit, TimeSpan window)
    {
        var inWindow = sends.Where(s => s > since).ToList();
        return inWindow.Count < limit ? DateTimeOffset.MinValue : inWindow[inWindow.Count - limit] + window;
    }

    private static void Prune(Queue<DateTimeOffset> sends, DateTimeOffset now)
    {
        while (sends.Count > 0 && sends.Peek() <= now - TimeSpan.FromHours(1)) sends.Dequeue();
    }

    /// <summary>WeCom counts a natural day; ours is China's.</summary>
    private long TodayCount(DateTimeOffset now)
    {
        var day = Skills.Reminders.ChinaTime.Today(now);
        if (day != _day)
        {
            _day = day;
            _today = 0;
        }
        return _today;
    }

    internal static DateTimeOffset NextChinaMidnight(DateTimeOffset now) =>
        Skills.Reminders.ChinaTime.At(Skills.Reminders.ChinaTime.Today(now).AddDays(1), TimeOnly.MinValue);

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
