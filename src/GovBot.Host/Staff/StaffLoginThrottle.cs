using System.Collections.Concurrent;

namespace GovBot.Host.Staff;

/// <summary>
/// Slows password guessing at the bootstrap admin: after <see cref="MaxFailures"/> wrong passwords from one address
/// within <see cref="Window"/>, that address may not try again until the window has passed. Kept in memory: a
/// restart forgets it, which is fine for a brake on guessing rather than an audit.
/// </summary>
public sealed class StaffLoginThrottle(TimeProvider time)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private readonly ConcurrentDictionary<string, (int Count, DateTimeOffset Since)> _failures = new();

    public bool IsBlocked(string address) =>
        _failures.TryGetValue(address, out var f) && f.Count >= MaxFailures && time.GetUtcNow() - f.Since < Window;

    public void Failed(string address)
    {
        var now = time.GetUtcNow();
        _failures.AddOrUpdate(address, _ => (1, now), (_, f) => now - f.Since >= Window ? (1, now) : (f.Count + 1, f.Since));
        // Old entries go when the map grows, so a scan from many addresses cannot fill memory.
        if (_failures.Count > 10_000)
            foreach (var (key, value) in _failures)
                if (now - value.Since >= Window) _failures.TryRemove(key, out _);
    }

    public void Succeeded(string address) => _failures.TryRemove(address, out _);
}
