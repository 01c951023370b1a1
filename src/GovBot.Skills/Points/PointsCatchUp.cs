using GovBot.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GovBot.Skills.Points;

/// <summary>
/// The safety net: once at start, then every few minutes, counts events that have no ledger line yet. The
/// unique source makes it harmless to run beside the chat, which catches up the same way before answering.
/// </summary>
public sealed class PointsCatchUp(IServiceScopeFactory scopes, TimeProvider time, ILogger<PointsCatchUp> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var added = await scope.ServiceProvider.GetRequiredService<PointsLedger>().CatchUpAsync(ct);
                if (added > 0) log.LogInformation("Counted {Count} point lines from earlier events.", added);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A lost race on the unique source, or a busy store: the next round picks it up.
                log.LogWarning(e, "Points catch-up failed; retrying next round.");
            }
        } while (await timer.WaitForNextTickAsync(ct));
    }
}
