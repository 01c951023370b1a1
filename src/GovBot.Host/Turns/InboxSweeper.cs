using GovBot.Data;
using GovBot.Data.Messaging;
using GovBot.Data.Store;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Host.Turns;

/// <summary>
/// Finishes messages that were accepted but never handled: those cut short by a crash or restart
/// (all of them at start), stragglers whose worker lost the race for a user's lease, and messages that came faster
/// than their member's limit allows and wait for the window to pass.
/// </summary>
// Takes InboxMetrics so that its gauges exist for as long as the host sweeps.
public sealed partial class InboxSweeper(IServiceScopeFactory scopes, InboxDrain drain, TimeProvider time, InboxMetrics gauges, ILogger<InboxSweeper> log)
    : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);
    /// <summary>Younger pending rows are still being handled by the callback that accepted them.</summary>
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(10);
    /// <summary>PostgreSQL: how long other hosts leave rows this sweep took; a host that died with them lets them lapse.</summary>
    private static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(1);
    /// <summary>PostgreSQL: rows taken per sweep at most; the rest wait for the next sweep, here or on another host.</summary>
    private const int ClaimRows = 500;

    /// <summary>The inbox gauges, read from the store at most every few seconds.</summary>
    public InboxMetrics Gauges => gauges;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var cutoff = DateTimeOffset.MaxValue; // at start, everything pending was left behind by the last run
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var users = await PendingUsersAsync(cutoff, stoppingToken);
                if (users.Count > 0) LogResuming(log, users.Count);
                foreach (var user in users) await drain.DrainAsync(user, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogSweepFailed(log, ex);
            }
            await Task.Delay(Interval, time, stoppingToken);
            cutoff = time.GetUtcNow() - Grace;
        }
    }

    private async Task<List<string>> PendingUsersAsync(DateTimeOffset receivedBefore, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GovBotDb>();
        // PostgreSQL, where several hosts sweep one store: each takes rows the others have not (SKIP LOCKED).
        if (db.Database.IsPostgres())
        {
            var now = time.GetUtcNow();
            return await db.ClaimLeftBehindAsync(receivedBefore, now, now + ClaimLease, ClaimRows, ct);
        }
        return await db.Inbox.AsNoTracking()
            .Where(m => m.Status == InboxStatus.Pending && m.ReceivedAt < receivedBefore)
            .Select(m => m.UserId).Distinct().ToListAsync(ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Resuming unfinished messages of {Users} users")]
    private static partial void LogResuming(ILogger logger, int users);

    [LoggerMessage(Level = LogLevel.Error, Message = "Inbox sweep failed; retrying at the next interval")]
    private static partial void LogSweepFailed(ILogger logger, Exception ex);
}
