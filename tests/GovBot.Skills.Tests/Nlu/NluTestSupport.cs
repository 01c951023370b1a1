using GovBot.Skills.Nlu;

namespace GovBot.Skills.Tests.Nlu;

/// <summary>A clock that stands still, so date tests do not depend on when they run.</summary>
public sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();

    // The server's zone must not matter: pretend it is far from China.
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}

public static class NluTestSupport
{
    /// <summary>Monday 23 November 2026, 10:00 in China.</summary>
    public static readonly DateTimeOffset MondayMorning = new(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(8));

    public static readonly InMemoryGazetteer Gazetteer = new();

    /// <summary>Shared: building a router compiles its regexes, and the router is thread-safe.</summary>
    public static readonly RuleIntentRouter Router = new(Gazetteer, new FixedTimeProvider(MondayMorning));

    public static RuleIntentRouter RouterAt(DateTimeOffset now) => new(Gazetteer, new FixedTimeProvider(now));
}
