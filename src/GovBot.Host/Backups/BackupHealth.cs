using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GovBot.Host.Backups;

/// <summary>
/// The last scheduled backup's outcome, for /healthz: a failed one makes the host Degraded (still 200: the bot works,
/// but someone should look), the next good one makes it Healthy again. Kept in memory: after a restart it is unknown
/// until the next run, which the log and the backup folder answer meanwhile.
/// </summary>
public sealed class BackupHealth : IHealthCheck
{
    private volatile string? _failure;

    public void Succeeded() => _failure = null;

    public void Failed(string why) => _failure = why;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_failure is { } why ? HealthCheckResult.Degraded("The last backup failed: " + why) : HealthCheckResult.Healthy());
}
