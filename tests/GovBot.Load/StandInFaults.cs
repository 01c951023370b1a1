using GovBot.Emulator;

namespace GovBot.Load;

/// <summary>
/// What WeCom's API does on a bad day, played against the host all through a run: gateway errors, calls that hang
/// past the host's timeout, every token expiring at once, frequency refusals (45009) and "system busy" (-1).
/// The audit afterwards proves the outbox still delivered every push exactly once.
/// </summary>
public static class StandInFaults
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(3);

    /// <summary>Injects a burst each few seconds until <paramref name="duration"/> is over, then lets the API recover; returns how many calls failed.</summary>
    public static async Task<int> InjectAsync(WeComApiStandIn standIn, TimeSpan duration, CancellationToken ct)
    {
        var bursts = new Action[]
        {
            () => Plan(standIn, new StandInFault.Http(502), 8),
            () => Plan(standIn, new StandInFault.Refusal(45009, "api freq out of limit"), 8),
            standIn.ExpireAllTokens,
            // Longer than the host's API timeout (10 s): the host gives up, and the stand-in does nothing.
            () => Plan(standIn, new StandInFault.Hang(TimeSpan.FromSeconds(12)), 2),
            () => Plan(standIn, new StandInFault.Refusal(-1, "system busy"), 8),
            () => Plan(standIn, new StandInFault.Http(503), 8),
        };
        var until = DateTime.UtcNow + duration;
        try
        {
            for (var i = 0; DateTime.UtcNow < until; i++)
            {
                bursts[i % bursts.Length]();
                await Task.Delay(Every, ct);
            }
        }
        catch (OperationCanceledException) { }
        standIn.ClearFaults();
        return standIn.FaultsServed;
    }

    private static void Plan(WeComApiStandIn standIn, StandInFault fault, int count) => standIn.InjectFault(fault, count);
}
