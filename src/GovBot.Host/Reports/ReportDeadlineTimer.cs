using GovBot.Data.Messaging;
using GovBot.Skills.Reports;
using Microsoft.Extensions.Options;

namespace GovBot.Host.Reports;

/// <summary>
/// Runs <see cref="ReportDeadlines"/> once at start (to catch up on time the host was down) and then
/// every <see cref="ReportOptions.DeadlineSweepInterval"/>. A stand-in until the reminders' Quartz
/// scheduler exists; the sweep is idempotent, so two hosts running it side by side push once.
/// </summary>
public sealed partial class ReportDeadlineTimer(
    IServiceScopeFactory scopes,
    IOutboxSignal outbox,
    TimeProvider time,
    IOptions<ReportOptions> options,
    ILogger<ReportDeadlineTimer> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // never hold up host start with the first sweep
        using var timer = new PeriodicTimer(options.Value.DeadlineSweepInterval, time);
        try
        {
            do
            {
                await SweepOnceAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    private async Task SweepOnceAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var sweep = await scope.ServiceProvider.GetRequiredService<ReportDeadlines>().SweepAsync(ct);
            if (sweep.DidAnything)
            {
                LogSwept(log, sweep.AcceptEscalations, sweep.HandleEscalations, sweep.RatedAutomatically);
                outbox.Signal();
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // E.g. the store is locked or unreachable: nothing was half done, the next tick tries again.
            LogSweepFailed(log, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deadline sweep: {Accept} escalated for acceptance, {Handle} for handling, {Rated} rated automatically")]
    private static partial void LogSwept(ILogger logger, int accept, int handle, int rated);

    [LoggerMessage(Level = LogLevel.Error, Message = "Deadline sweep failed; the next tick tries again")]
    private static partial void LogSweepFailed(ILogger logger, Exception ex);
}
