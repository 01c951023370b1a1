using GovBot.Data.Messaging;
using GovBot.Skills.Reminders;
using Quartz;

namespace GovBot.Host.Reminders;

/// <summary>
/// The one Quartz job: runs the reminder kind named by its job key, in the firing's own DI scope, and wakes
/// the outbox. Never two at once for one kind, cluster-wide; a repeated run pushes nothing twice because
/// every push carries its kind's source key.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class ReminderJob(
    IServiceProvider services, ReminderKinds kinds, IOutboxSignal outbox, ReminderMetrics metrics, ILogger<ReminderJob> log) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        var key = context.JobDetail.Key.Name;
        if (kinds.Find(key) is not { } kind)
        {
            // A kind removed from the code while its trigger is still stored: nothing to run.
            LogUnknownKind(log, key);
            return;
        }
        try
        {
            var reminder = (IReminder)services.GetRequiredService(kind.Reminder);
            var pushed = await reminder.RunAsync(ct);
            metrics.Ran(kind.Key, pushed);
            if (pushed > 0)
            {
                LogPushed(log, kind.Key, pushed);
                outbox.Signal();
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // E.g. the store was locked. Not rethrown: Quartz stores a trigger whose fires keep failing as
            // ERROR and never fires it again, while the next firing of a sweep simply catches up.
            LogFailed(log, ex, kind.Key);
            metrics.Failed(kind.Key);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Reminder {Kind} failed; its next firing tries again")]
    private static partial void LogFailed(ILogger logger, Exception ex, string kind);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminder {Kind}: {Count} pushes")]
    private static partial void LogPushed(ILogger logger, string kind, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No reminder kind {Kind} in this build; its trigger does nothing")]
    private static partial void LogUnknownKind(ILogger logger, string kind);
}
