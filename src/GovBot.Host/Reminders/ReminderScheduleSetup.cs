using GovBot.Skills.Reminders;
using Microsoft.Extensions.Options;
using Quartz;

namespace GovBot.Host.Reminders;

/// <summary>
/// At start, makes the stored schedule match <see cref="ReminderKinds"/>: a kind without a trigger gets one,
/// a kind whose schedule changed is rescheduled, and an unchanged one is left alone, so that its next fire
/// time (and a paused state) survive restarts and a firing due while no host ran is handled as a misfire.
/// Runs after the store is migrated and before the scheduler starts.
/// </summary>
public sealed partial class ReminderScheduleSetup(
    ISchedulerFactory factory, ReminderKinds kinds, IOptions<ReminderOptions> options, ILogger<ReminderScheduleSetup> log) : IHostedService
{
    public const string Group = "reminders";

    public async Task StartAsync(CancellationToken ct)
    {
        var scheduler = await factory.GetScheduler(ct);
        // In a cluster, a firing cut off by its host's death is run again by the host that recovers it: safe, because
        // a repeated run pushes nothing twice. (On SQLite the lease holder's store is left as it always was.)
        var clustered = (await scheduler.GetMetadata(ct)).JobStoreClustered;
        foreach (var kind in kinds.All)
        {
            var schedule = ScheduleOf(kind);
            var trigger = Trigger(kind, schedule);
            var existing = await scheduler.GetTrigger(trigger.Key, ct);
            try
            {
                if (existing is null)
                {
                    var job = JobBuilder.Create<ReminderJob>().WithIdentity(kind.Key, Group).WithDescription(kind.Name)
                        .RequestRecovery(clustered).Build();
                    await scheduler.ScheduleJob(job, trigger, cancellationToken: ct);
                    LogScheduled(log, kind.Key, schedule.Signature);
                }
                else if (existing.Description != schedule.Signature)
                {
                    await scheduler.RescheduleJob(trigger.Key, trigger, ct);
                    LogScheduled(log, kind.Key, schedule.Signature);
                }
            }
            catch (ObjectAlreadyExistsException)
            {
                // Another host sharing the store scheduled it in the same instant.
            }
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    public ReminderSchedule ScheduleOf(ReminderKind kind) =>
        options.Value.Kinds.TryGetValue(kind.Key, out var o) && !string.IsNullOrWhiteSpace(o.Cron)
            ? new ReminderSchedule.Cron(o.Cron, kind.DefaultSchedule is ReminderSchedule.Cron { FireLate: true })
            : kind.DefaultSchedule;

    public static TriggerKey TriggerKeyOf(string kind) => new(kind, Group);

    private static ITrigger Trigger(ReminderKind kind, ReminderSchedule schedule)
    {
        var builder = TriggerBuilder.Create()
            .WithIdentity(TriggerKeyOf(kind.Key))
            .ForJob(kind.Key, Group)
            .WithDescription(schedule.Signature);
        return schedule switch
        {
            ReminderSchedule.Cron c => builder.StartNow().WithSchedule(CronScheduleBuilder.Create(c.Expression)
                .InTimeZone(ChinaTime.Zone)
                .WithMisfireInstruction(c.FireLate ? CronTriggerMisfireInstruction.FireAndProceed : CronTriggerMisfireInstruction.DoNothing)).Build(),
            ReminderSchedule.Every e => builder.StartNow().WithSchedule(SimpleScheduleBuilder.Create()
                .WithInterval(e.Interval).RepeatForever()
                .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NowWithExistingCount)).Build(),
            _ => throw new InvalidOperationException($"Unknown schedule {schedule}."),
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminder {Kind} scheduled: {Schedule}")]
    private static partial void LogScheduled(ILogger logger, string kind, string schedule);
}
