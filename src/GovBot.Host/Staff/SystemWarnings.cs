using System.Globalization;
using GovBot.Host.Reminders;
using GovBot.Skills.Reminders;
using Quartz;

namespace GovBot.Host.Staff;

/// <summary>
/// The plain Chinese warnings at the top of 「系统」, each saying what is wrong and what to do. Read from the figures
/// (<see cref="SystemFigures"/>) and from the reminder triggers of this host's scheduler.
/// </summary>
public static class SystemWarnings
{
    /// <summary>A reminder that is this late after its due time has not merely been slow to start.</summary>
    public static readonly TimeSpan ReminderGrace = TimeSpan.FromMinutes(10);

    public static async Task<IReadOnlyList<string>> ReadAsync(
        SystemFigures.Numbers n, ISchedulerFactory factory, ReminderKinds kinds, CancellationToken ct)
    {
        var warnings = new List<string>();
        if (n.FailingLastHour > 0)
            warnings.Add($"最近一小时有{n.FailingLastHour}条推送发送失败，企业微信可能拒绝了，请检查应用设置（可见范围、应用密钥）。");
        if (n.Outbox.OldestWait is { } outWait && outWait >= SystemFigures.BacklogWarning)
            warnings.Add($"待发送的消息在增加：最早一条已等了{Minutes(outWait)}分钟，请检查服务与企业微信的连接。");
        if (n.Inbox.OldestWait is { } inWait && inWait >= SystemFigures.BacklogWarning)
            warnings.Add($"收到的消息没有及时处理：最早一条已等了{Minutes(inWait)}分钟，请检查服务是否在运行。");
        if (n.InboxRising is { } inbox)
            warnings.Add($"收到的消息越积越多：最近{inbox.Count}次记录分别为{Levels(inbox)}条，请检查服务是否在运行、是否忙不过来（可增加一台服务器）。");
        if (n.OutboxRising is { } outbox)
            warnings.Add($"待发送的推送越积越多：最近{outbox.Count}次记录分别为{Levels(outbox)}条，请检查服务与企业微信的连接，以及上方是否有推送失败。");
        warnings.AddRange(await LateRemindersAsync(n.Now, factory, kinds, ct));
        return warnings;
    }

    /// <summary>
    /// Kinds whose trigger was due today (China time) more than <see cref="ReminderGrace"/> ago and has not fired since.
    /// Only due times after the trigger was scheduled count, so a host started at noon is not blamed for the morning;
    /// a paused kind or a scheduler on standby (another instance leads) says nothing.
    /// </summary>
    private static async Task<IReadOnlyList<string>> LateRemindersAsync(
        DateTimeOffset now, ISchedulerFactory factory, ReminderKinds kinds, CancellationToken ct)
    {
        var late = new List<string>();
        var scheduler = await factory.GetScheduler(ct);
        if (await scheduler.GetStatus(ct) != SchedulerStatus.Running) return late;
        var today = ChinaTime.ToLocal(now);
        var dayStart = new DateTimeOffset(today.Year, today.Month, today.Day, 0, 0, 0, today.Offset);
        foreach (var kind in kinds.All)
        {
            var key = ReminderScheduleSetup.TriggerKeyOf(kind.Key);
            if (await scheduler.GetTrigger(key, ct) is not ICronTrigger trigger) continue;
            if (await scheduler.GetTriggerState(key, ct) is TriggerState.Paused or TriggerState.None) continue;
            DateTimeOffset? due = null;
            var from = trigger.StartTimeUtc > dayStart ? trigger.StartTimeUtc : dayStart;
            for (var at = trigger.GetFireTimeAfter(from); at is { } a && a <= now - ReminderGrace; at = trigger.GetFireTimeAfter(a))
                due = a;
            if (due is { } d && (trigger.PreviousFireTimeUtc is not { } fired || fired < d))
                late.Add($"「{kind.Name}」今天应在{ChinaTime.ToLocal(d).ToString("H:mm", CultureInfo.InvariantCulture)}发出，还没有发，请到「提醒」页查看，并检查服务是否在运行。");
        }
        return late;
    }

    private static string Levels(IReadOnlyList<long> levels) =>
        string.Join("、", levels.Select(l => l.ToString(CultureInfo.InvariantCulture)));

    private static long Minutes(TimeSpan wait) => (long)wait.TotalMinutes;
}
