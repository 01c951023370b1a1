using GovBot.Skills.Nlu;
using GovBot.TestSupport;

namespace GovBot.Skills.Tests.Nlu;

public static class NluTestSupport
{
    /// <summary>Monday 23 November 2026, 10:00 in China.</summary>
    public static readonly DateTimeOffset MondayMorning = new(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(8));

    public static readonly InMemoryGazetteer Gazetteer = new();

    /// <summary>Shared: building a router compiles its regexes, and the router is thread-safe.</summary>
    public static readonly RuleIntentRouter Router = new(Gazetteer, new FixedTimeProvider(MondayMorning));

    public static RuleIntentRouter RouterAt(DateTimeOffset now) => new(Gazetteer, new FixedTimeProvider(now));
}
