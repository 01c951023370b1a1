using GovBot.Data;
using GovBot.Data.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;

namespace GovBot.Host.Reminders;

/// <summary>
/// Runs this host's Quartz scheduler only while it holds the scheduler lease in the shared database, so
/// that of several hosts on one SQLite file exactly one fires triggers (Quartz's own clustering refuses
/// SQLite). The others stand by and take over when the lease lapses; the newcomer's scheduler then
/// recovers the store and applies each kind's misfire instruction to what came due meanwhile.
/// </summary>
public sealed partial class SchedulerLeader(
    ISchedulerFactory factory,
    IDbContextFactory<GovBotDb> dbs,
    TimeProvider time,
    IOptions<SchedulerLeaseOptions> options,
    ILogger<SchedulerLeader> log) : BackgroundService
{
    private const string LeaseName = "reminders";
    private readonly string _holder = $"{Environment.MachineName}-{Guid.NewGuid():N}";
    private bool _leading;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // never hold up host start
        using var timer = new PeriodicTimer(options.Value.RenewEvery, time);
        try
        {
            do
            {
                await TickAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (!_leading) return;
        try
        {
            var scheduler = await factory.GetScheduler(cancellationToken);
            await scheduler.Standby(cancellationToken);
            // Handed back at once, so a host still running need not wait for the lease to lapse.
            await using var db = await dbs.CreateDbContextAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync(
                $"UPDATE {QuartzSchema.LeaseTable} SET ExpiresAtTicks = 0 WHERE Name = {{0}} AND Holder = {{1}}", [LeaseName, _holder], cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogReleaseFailed(log, ex);
        }
    }

    private async Task TickAsync(CancellationToken ct)
    {
        try
        {
            var held = await TryHoldAsync(ct);
            var scheduler = await factory.GetScheduler(ct);
            if (held && !_leading)
            {
                await scheduler.Start(ct);
                _leading = true;
                LogLeading(log, _holder);
            }
            else if (!held && _leading)
            {
                await scheduler.Standby(ct);
                _leading = false;
                LogStandingBy(log, _holder);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // E.g. the database is busy: the lease outlives a few missed renewals, and the next tick tries again.
            LogTickFailed(log, ex);
        }
    }

    /// <summary>Takes the lease if it is free or lapsed, or renews it if ours; true when we hold it now.</summary>
    private async Task<bool> TryHoldAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcTicks;
        var until = now + options.Value.Duration.Ticks;
        await using var db = await dbs.CreateDbContextAsync(ct);
        var changed = await db.Database.ExecuteSqlRawAsync(
            $"INSERT INTO {QuartzSchema.LeaseTable} (Name, Holder, ExpiresAtTicks) VALUES ({{0}}, {{1}}, {{2}}) "
            + "ON CONFLICT(Name) DO UPDATE SET Holder = excluded.Holder, ExpiresAtTicks = excluded.ExpiresAtTicks "
            + $"WHERE {QuartzSchema.LeaseTable}.Holder = excluded.Holder OR {QuartzSchema.LeaseTable}.ExpiresAtTicks < {{3}}",
            [LeaseName, _holder, until, now], ct);
        return changed == 1;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminders run on this host now ({Holder})")]
    private static partial void LogLeading(ILogger logger, string holder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder lease lost; this host stands by ({Holder})")]
    private static partial void LogStandingBy(ILogger logger, string holder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder lease check failed; the next tick tries again")]
    private static partial void LogTickFailed(ILogger logger, Exception ex);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not hand back the reminder lease; it lapses by itself")]
    private static partial void LogReleaseFailed(ILogger logger, Exception ex);
}
