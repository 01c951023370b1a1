namespace GovBot.Skills.Reminders;

/// <summary>
/// China Standard Time, whatever the server's zone: reminders are due at 08:00 in 清徐 and 襄垣 even on a
/// UTC host. A fixed +08:00 stands in where the tz database is missing (China has no daylight saving).
/// </summary>
public static class ChinaTime
{
    public static TimeZoneInfo Zone { get; } = Find();

    public static DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(ToLocal(now).DateTime);

    /// <summary>Monday 00:00 China time of the week holding <paramref name="now"/>.</summary>
    public static DateTimeOffset WeekStart(DateTimeOffset now)
    {
        var today = Today(now);
        return At(today.AddDays(-(((int)today.DayOfWeek + 6) % 7)), TimeOnly.MinValue);
    }

    /// <summary>The instant of a local wall-clock time on a local date.</summary>
    public static DateTimeOffset At(DateOnly day, TimeOnly time) =>
        new(day.ToDateTime(time), Zone.GetUtcOffset(day.ToDateTime(time)));

    private static TimeZoneInfo Find()
    {
        foreach (var id in new[] { "Asia/Shanghai", "China Standard Time" })
        {
            try
            {
                return TimeZoneInfo.FindSystemTimeZoneById(id);
            }
            catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
            {
                // Try the next name; a slim container may have no tz database at all.
            }
        }
        return TimeZoneInfo.CreateCustomTimeZone("China Standard Time", TimeSpan.FromHours(8), "China Standard Time", "China Standard Time");
    }
}
