namespace GovBot.Skills.Points;

/// <summary>Periods are calendar years in China time (both counties keep their books that way).</summary>
public static class PointsCalendar
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    public static int YearOf(DateTimeOffset at) => at.ToOffset(China).Year;
}
