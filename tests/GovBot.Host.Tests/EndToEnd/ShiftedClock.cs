using GovBot.Skills.Reminders;

namespace GovBot.Host.Tests.EndToEnd;

/// <summary>
/// The system clock moved to a chosen time of day, China time, today: time still passes (timers, delays and the
/// outbox's polling run on the real clock), only what the host reads as "now" is shifted. A story about office hours
/// then runs the same at three in the afternoon and at three in the night.
/// </summary>
public sealed class ShiftedClock(TimeSpan shift) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + shift;

    /// <summary>A clock that reads <paramref name="chinaTime"/> today (China time) now.</summary>
    public static ShiftedClock At(TimeOnly chinaTime)
    {
        var now = System.GetUtcNow();
        var target = ChinaTime.At(ChinaTime.Today(now), chinaTime);
        return new ShiftedClock(target - now);
    }
}
