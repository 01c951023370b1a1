namespace GovBot.Host.Tests.EndToEnd;

/// <summary>
/// The system clock moved to start at a chosen instant: it keeps running (timers, outbox polls and waits behave as in
/// production), but "now" reads as the instant a story is set at, so answers that depend on the weekday do not
/// depend on the day the tests run.
/// </summary>
public sealed class ShiftedTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly TimeSpan _shift = start - System.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _shift;
}
