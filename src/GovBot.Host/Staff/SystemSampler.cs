using GovBot.Data;
using GovBot.Data.Messaging;
using GovBot.Data.Operations;
using GovBot.Data.Store;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Host.Staff;

/// <summary>
/// Every 5 minutes writes the in-process tallies (<see cref="SystemTally"/>) to <c>SystemSamples</c>, one row per
/// figure and tag that changed, and drops samples older than 31 days (the page shows 30). Each instance writes its
/// own rows (Host = machine name); the page sums them. Beside the changes it writes the inbox and outbox backlog as
/// levels (<see cref="BacklogGrowth"/>). A last sample is written on shutdown.
/// </summary>
public sealed partial class SystemSampler(
    IServiceScopeFactory scopes, SystemTally tally, TimeProvider time, ILogger<SystemSampler> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan Kept = TimeSpan.FromDays(31);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
                await SampleSafelyAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        await SampleSafelyAsync(CancellationToken.None);
    }

    private async Task SampleSafelyAsync(CancellationToken ct)
    {
        try
        {
            await SampleOnceAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(log, ex);
        }
    }

    /// <summary>Writes what the tallies gathered since the last sample and sweeps old samples.</summary>
    public async Task SampleOnceAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var taken = tally.Drain();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GovBotDb>();
        var gate = scope.ServiceProvider.GetRequiredService<StoreWriteGate>();
        using var passage = await gate.EnterAsync(ct);
        foreach (var (name, tag, value) in taken)
            db.SystemSamples.Add(new SystemSample { At = now, Name = name, Tag = tag, Value = value, Host = Environment.MachineName });
        // Levels, not changes: how many messages wait now, so that the page can tell a backlog that keeps growing.
        var inbox = await db.Inbox.CountAsync(m => m.Status == InboxStatus.Pending, ct);
        var outbox = await db.Outbox.CountAsync(o => o.Status == OutboxStatus.Pending && o.NotBefore <= now, ct);
        db.SystemSamples.Add(new SystemSample { At = now, Name = BacklogGrowth.Inbox, Tag = "", Value = inbox, Host = Environment.MachineName });
        db.SystemSamples.Add(new SystemSample { At = now, Name = BacklogGrowth.Outbox, Tag = "", Value = outbox, Host = Environment.MachineName });
        await db.SaveChangesAsync(ct);
        var cutoff = now - Kept;
        await db.SystemSamples.Where(s => s.At < cutoff).ExecuteDeleteAsync(ct);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "System sample not written; its counts are lost, the next sample continues. Check the store")]
    private static partial void LogFailed(ILogger logger, Exception ex);
}
