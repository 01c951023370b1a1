namespace GovBot.Skills.Points;

/// <summary>The source kinds the rules know; each names one kind of event that earns points.</summary>
public static class PointSources
{
    public const string CheckIn = "check-in";
    public const string ReportRated = "report-rated";
    public const string MicroWish = "micro-wish";
    public const string VolunteerHours = "volunteer-hours";
    public const string Manual = "manual";
}

/// <summary>
/// An event that may earn points: <paramref name="Kind"/> and <paramref name="Id"/> identify it for good
/// (a retry brings the same pair), <paramref name="Units"/> counts hours for per-unit rules.
/// </summary>
public sealed record PointSource(string Kind, string Id, int PersonId, DateTimeOffset At, string Reason, decimal Units = 1);
