using GovBot.Skills.State;

namespace GovBot.Host.Staff;

/// <summary>
/// Slows password guessing at the bootstrap admin: after <see cref="MaxFailures"/> wrong passwords from one address
/// within <see cref="Window"/> (counted from the first), that address may not try again until the window has passed.
/// Counted in the state store, so with Redis five wrong passwords spread over several hosts lock as on one; without
/// it the count lives in this process and a restart forgets it, which is fine for a brake on guessing.
/// </summary>
public sealed class StaffLoginThrottle(IStateStore state)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    public async Task<bool> IsBlockedAsync(string address, CancellationToken ct) =>
        long.TryParse(await state.GetAsync(Key(address), ct), out var failures) && failures >= MaxFailures;

    // The counter's window starts at its first increment and the key then expires: no sweep of old addresses needed.
    public Task FailedAsync(string address, CancellationToken ct) => state.IncrementAsync(Key(address), Window, ct);

    public Task SucceededAsync(string address, CancellationToken ct) => state.RemoveAsync(Key(address), ct);

    private static string Key(string address) => "staff-login-failures:" + address;
}
