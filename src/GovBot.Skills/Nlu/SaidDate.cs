using System.Globalization;

namespace GovBot.Skills.Nlu;

/// <summary>
/// The <see cref="Entities.DateTime"/> value read back: one day ("2026-11-28"), a day at a clock time
/// ("2026-11-28T09:00:00+08:00", China time) or a range of whole days ("2026-12-07/2026-12-13", an ISO 8601
/// interval with both days included) for 下周, 这周末 or 月底. Skills read the value through this type rather than
/// slicing the string, so a range is never mistaken for its first day.
/// </summary>
/// <param name="From">The day said, or the first day of the range.</param>
/// <param name="To">The last day of the range; equal to <paramref name="From"/> for a single day.</param>
/// <param name="Time">The clock time in China, when one was said.</param>
public readonly record struct SaidDate(DateOnly From, DateOnly To, TimeOnly? Time)
{
    private const string DayFormat = "yyyy-MM-dd";

    public bool IsRange => To > From;

    public bool Includes(DateOnly day) => day >= From && day <= To;

    /// <summary>The instant said, in China time; null unless a clock time was said.</summary>
    public DateTimeOffset? Instant => Time is { } t ? new DateTimeOffset(From.ToDateTime(t), TimeSpan.FromHours(8)) : null;

    /// <summary>The entity value for this date, in the forms documented on <see cref="Entities.DateTime"/>.</summary>
    public string ToValue() => Time is { } t
        ? string.Create(CultureInfo.InvariantCulture, $"{From:yyyy-MM-dd}T{t:HH:mm:ss}+08:00")
        : IsRange
            ? string.Create(CultureInfo.InvariantCulture, $"{From:yyyy-MM-dd}/{To:yyyy-MM-dd}")
            : From.ToString(DayFormat, CultureInfo.InvariantCulture);

    public override string ToString() => ToValue();

    private static readonly string[] WeekDays = ["日", "一", "二", "三", "四", "五", "六"];

    /// <summary>
    /// The days in words a resident would use, seen from <paramref name="today"/> (China): 今天, 明天, 后天, 本周日,
    /// 下周二, 12月5日; for ranges 这周, 下周, 下下周, 这周末, 下周末, 月底, 下个月底, else "12月7日到13日". No clock time.
    /// </summary>
    public string Describe(DateOnly today)
    {
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        int WeeksFromNow(DateOnly day) => (int)Math.Floor((day.DayNumber - monday.DayNumber) / 7.0);
        if (!IsRange)
        {
            var days = From.DayNumber - today.DayNumber;
            return days switch
            {
                0 => "今天",
                1 => "明天",
                2 => "后天",
                _ when days > 0 && WeeksFromNow(From) == 0 => "本周" + WeekDays[(int)From.DayOfWeek],
                _ when days > 0 && WeeksFromNow(From) == 1 => "下周" + WeekDays[(int)From.DayOfWeek],
                _ => $"{From.Month}月{From.Day}日",
            };
        }

        var length = To.DayNumber - From.DayNumber + 1;
        if (From.DayOfWeek == DayOfWeek.Monday && length == 7)
        {
            return WeeksFromNow(From) switch
            {
                -1 => "上周",
                0 => "这周",
                1 => "下周",
                2 => "下下周",
                _ => $"{From.Month}月{From.Day}日那一周",
            };
        }

        if (From.DayOfWeek == DayOfWeek.Saturday && length == 2)
        {
            return WeeksFromNow(From) switch
            {
                -1 => "上周末",
                0 => "这周末",
                1 => "下周末",
                _ => $"{From.Month}月{From.Day}日那个周末",
            };
        }

        var monthEnd = To.AddDays(1).Day == 1 && length == 7;
        var months = (To.Year - today.Year) * 12 + To.Month - today.Month;
        if (monthEnd && months is 0 or 1)
        {
            return months == 0 ? "月底" : "下个月底";
        }

        return From.Month == To.Month
            ? $"{From.Month}月{From.Day}日到{To.Day}日"
            : $"{From.Month}月{From.Day}日到{To.Month}月{To.Day}日";
    }

    public static bool TryParse(string? value, out SaidDate date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(value)) return false;
        var slash = value.IndexOf('/');
        if (slash >= 0)
        {
            if (!Day(value.AsSpan(0, slash), out var from) || !Day(value.AsSpan(slash + 1), out var to) || to < from) return false;
            date = new SaidDate(from, to, null);
            return true;
        }

        if (value.Length == DayFormat.Length)
        {
            if (!Day(value, out var day)) return false;
            date = new SaidDate(day, day, null);
            return true;
        }

        if (!DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)) return false;
        var china = at.ToOffset(TimeSpan.FromHours(8));
        var d = DateOnly.FromDateTime(china.DateTime);
        date = new SaidDate(d, d, TimeOnly.FromDateTime(china.DateTime));
        return true;
    }

    private static bool Day(ReadOnlySpan<char> text, out DateOnly day) =>
        DateOnly.TryParseExact(text, DayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
}

public static class SaidDateExtensions
{
    /// <summary>The first date or range the router found in the message, if any.</summary>
    public static SaidDate? FindDate(this NluResult? nlu) =>
        SaidDate.TryParse(nlu?.Find(Entities.DateTime), out var date) ? date : null;
}
