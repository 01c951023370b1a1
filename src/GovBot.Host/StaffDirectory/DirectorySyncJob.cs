using GovBot.Skills.Reminders;
using Microsoft.Extensions.Options;
using Quartz;

namespace GovBot.Host.StaffDirectory;

/// <summary>
/// The scheduled sync, run by the scheduler-lease holder like the reminders. With no department mapped it asks
/// WeCom nothing. A refused or failed run changes nothing and is shown on the staff page; the next firing tries again.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class DirectorySyncJob(IServiceProvider services, ILogger<DirectorySyncJob> log) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        try
        {
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DirectorySync>().RunAsync(null, 0, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // Not rethrown: Quartz would mark a trigger whose fires keep failing as ERROR and never fire it again.
            LogFailed(log, ex);
        }
    }

    [LoggerMessage(LogLevel.Error, "The scheduled directory sync failed; the next firing tries again")]
    private static partial void LogFailed(ILogger logger, Exception ex);
}

/// <summary>At start, makes the stored trigger of <see cref="DirectorySyncJob"/> match <see cref="DirectorySyncOptions"/>.</summary>
public sealed class DirectorySyncScheduleSetup(ISchedulerFactory factory, IOptions<DirectorySyncOptions> options) : IHostedService
{
    public static readonly JobKey Job = new("directory-sync", "directory");
    private static readonly TriggerKey Trigger = new("directory-sync", "directory");

    public async Task StartAsync(CancellationToken ct)
    {
        var scheduler = await factory.GetScheduler(ct);
        var o = options.Value;
        if (!o.ScheduleEnabled)
        {
            await scheduler.DeleteJob(Job, ct);
            return;
        }
        var trigger = TriggerBuilder.Create().WithIdentity(Trigger).ForJob(Job).WithDescription(o.Cron).StartNow()
            .WithSchedule(CronScheduleBuilder.Create(o.Cron).InTimeZone(ChinaTime.Zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
            .Build();
        try
        {
            var existing = await scheduler.GetTrigger(Trigger, ct);
            if (existing is null)
                await scheduler.ScheduleJob(JobBuilder.Create<DirectorySyncJob>().WithIdentity(Job).WithDescription("企业微信通讯录同步").Build(), trigger, cancellationToken: ct);
            else if (existing.Description != o.Cron)
                await scheduler.RescheduleJob(Trigger, trigger, ct);
        }
        catch (ObjectAlreadyExistsException)
        {
            // Another host sharing the store scheduled it in the same instant.
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
