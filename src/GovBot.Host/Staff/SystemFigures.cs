using System.Globalization;
using GovBot.Data;
using GovBot.Data.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovBot.Host.Staff;

/// <summary>
/// The figures of 「系统」 (/staff/system), counted from the store's own rows so that they survive restarts and agree
/// across instances: inbox rows by ProcessedAt, outbox rows by SentAt (and failing ones by CreatedAt), missed messages
/// by At, grouped by China hour (last 24 hours) and China day (last 30 days).
/// </summary>
public sealed class SystemFigures(GovBotDb db, TimeProvider time, IOptions<SystemPageOptions> options)
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    /// <summary>An unsent push or unhandled message older than this is worth a warning: the normal wait is seconds.</summary>
    public static readonly TimeSpan BacklogWarning = TimeSpan.FromMinutes(10);

    public sealed record Series(IReadOnlyList<(string Label, double Value)> Hours, IReadOnlyList<(string Label, double Value)> Days);

    public sealed record Backlog(int Count, TimeSpan? OldestWait);

    public sealed record Numbers(
        DateTimeOffset Now, Series Answered, Series Passive, Series NotUnderstood, Series PushesSent, Series PushesFailing,
        int TextsLastDay, int MissedLastDay, int FailingLastHour, Backlog Inbox, Backlog Outbox, IReadOnlyList<ReminderRuns> Reminders,
        IReadOnlyList<(string ErrCode, long Day, long Month)> WeComErrors)
    {
        /// <summary>The inbox backlog's last sampled levels when they kept rising (<see cref="BacklogGrowth"/>); null otherwise.</summary>
        public IReadOnlyList<long>? InboxRising { get; init; }

        /// <summary>The same for pushes due and not sent.</summary>
        public IReadOnlyList<long>? OutboxRising { get; init; }
    }

    /// <summary>Reminder runs of one kind from <c>SystemSamples</c>, over the last 24 hours and the last 30 days.</summary>
    public sealed record ReminderRuns(string Kind, long FiredDay, long SkippedDay, long FailedDay, long FiredMonth, long SkippedMonth, long FailedMonth);

    public async Task<Numbers> ReadAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var hourStart = HourOf(now).AddHours(-23);
        var dayStart = DayOf(now).AddDays(-29);

        var inbox = await db.Inbox.AsNoTracking()
            .Where(m => m.Status == InboxStatus.Done && m.ProcessedAt >= dayStart
                && !m.DedupKey.Contains(GovBot.Host.WeCom.CustomerService.CustomerServiceCallback.DedupKeyMarker))
            .Select(m => new { At = m.ProcessedAt!.Value, Passive = m.PassiveReply != null }).ToListAsync(ct);
        var missed = await db.MissedMessages.AsNoTracking().Where(m => m.At >= dayStart).Select(m => m.At).ToListAsync(ct);
        var sent = await db.Outbox.AsNoTracking()
            .Where(o => o.Status == OutboxStatus.Sent && o.SentAt >= dayStart).Select(o => o.SentAt!.Value).ToListAsync(ct);
        // A failing push: refused for good, or waiting to retry after a failed attempt (frequency-limit waits are not attempts).
        var failing = await db.Outbox.AsNoTracking()
            .Where(o => o.CreatedAt >= dayStart && (o.Status == OutboxStatus.Failed || (o.Status == OutboxStatus.Pending && o.Attempts > 0)))
            .Select(o => o.CreatedAt).ToListAsync(ct);
        var dayAgo = now.AddDays(-1);
        var texts = await db.Inbox.AsNoTracking().CountAsync(m => m.MsgType == "text" && m.ReceivedAt >= dayAgo, ct);

        var pendingIn = await db.Inbox.AsNoTracking().Where(m => m.Status == InboxStatus.Pending).Select(m => m.ReceivedAt).ToListAsync(ct);
        // Pushes held for later on purpose (NotBefore in the future, e.g. quiet hours) are not a backlog.
        var pendingOut = await db.Outbox.AsNoTracking().Where(o => o.Status == OutboxStatus.Pending && o.NotBefore <= now)
            .Select(o => o.NotBefore).ToListAsync(ct);

        var samples = await db.SystemSamples.AsNoTracking().Where(x => x.At >= dayStart && x.Name.StartsWith("reminder."))
            .Select(x => new { x.At, x.Name, x.Tag, x.Value }).ToListAsync(ct);
        var reminders = samples.GroupBy(x => x.Tag).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new ReminderRuns(g.Key,
            g.Where(x => x.Name == "reminder.fired" && x.At >= dayAgo).Sum(x => x.Value),
            g.Where(x => x.Name == "reminder.skipped" && x.At >= dayAgo).Sum(x => x.Value),
            g.Where(x => x.Name == "reminder.failed" && x.At >= dayAgo).Sum(x => x.Value),
            g.Where(x => x.Name == "reminder.fired").Sum(x => x.Value),
            g.Where(x => x.Name == "reminder.skipped").Sum(x => x.Value),
            g.Where(x => x.Name == "reminder.failed").Sum(x => x.Value))).ToList();

        var errors = await db.SystemSamples.AsNoTracking().Where(x => x.At >= dayStart && x.Name == "wecom.error")
            .Select(x => new { x.At, x.Tag, x.Value }).ToListAsync(ct);
        var byCode = errors.GroupBy(x => x.Tag).Select(g => (g.Key, g.Where(x => x.At >= dayAgo).Sum(x => x.Value), g.Sum(x => x.Value)))
            .OrderByDescending(e => e.Item3).ToList();

        var growth = options.Value;
        var levelsSince = now - (growth.BacklogGrowthSamples + 1) * SystemSampler.Interval;
        var levels = (await db.SystemSamples.AsNoTracking()
                .Where(x => x.At >= levelsSince && (x.Name == BacklogGrowth.Inbox || x.Name == BacklogGrowth.Outbox))
                .Select(x => new { x.Name, x.Host, x.At, x.Value }).ToListAsync(ct))
            .Select(x => new BacklogGrowth.Sample(x.Name, x.Host, x.At, x.Value)).ToList();

        return new Numbers(now,
            Count(inbox.Select(i => i.At), hourStart, dayStart),
            Count(inbox.Where(i => i.Passive).Select(i => i.At), hourStart, dayStart),
            Count(missed, hourStart, dayStart),
            Count(sent, hourStart, dayStart),
            Count(failing, hourStart, dayStart),
            texts, missed.Count(at => at >= dayAgo), failing.Count(at => at >= now.AddHours(-1)),
            Wait(pendingIn, now), Wait(pendingOut, now), reminders, byCode)
        {
            InboxRising = BacklogGrowth.Rising(levels, BacklogGrowth.Inbox, now, growth.BacklogGrowthSamples, growth.BacklogGrowthFloor),
            OutboxRising = BacklogGrowth.Rising(levels, BacklogGrowth.Outbox, now, growth.BacklogGrowthSamples, growth.BacklogGrowthFloor),
        };
    }

    private static Backlog Wait(List<DateTimeOffset> since, DateTimeOffset now) =>
        new(since.Count, since.Count == 0 ? null : now - since.Min());

    private static Series Count(IEnumerable<DateTimeOffset> at, DateTimeOffset hourStart, DateTimeOffset dayStart)
    {
        var list = at.ToList();
        var hours = Enumerable.Range(0, 24).Select(i => hourStart.AddHours(i))
            .Select(h => (HourLabel(h), (double)list.Count(a => a >= h && a < h.AddHours(1)))).ToList();
        var days = Enumerable.Range(0, 30).Select(i => dayStart.AddDays(i))
            .Select(d => (d.ToString("M月d日", CultureInfo.InvariantCulture), (double)list.Count(a => a >= d && a < d.AddDays(1)))).ToList();
        return new Series(hours, days);
    }

    /// <summary>The label of <paramref name="at"/>'s China hour on the 24-hour charts.</summary>
    public static string HourLabel(DateTimeOffset at) => HourOf(at).ToString("HH", CultureInfo.InvariantCulture) + "时";

    private static DateTimeOffset HourOf(DateTimeOffset at)
    {
        var china = at.ToOffset(China);
        return new DateTimeOffset(china.Year, china.Month, china.Day, china.Hour, 0, 0, China);
    }

    private static DateTimeOffset DayOf(DateTimeOffset at)
    {
        var china = at.ToOffset(China);
        return new DateTimeOffset(china.Year, china.Month, china.Day, 0, 0, 0, China);
    }
}
