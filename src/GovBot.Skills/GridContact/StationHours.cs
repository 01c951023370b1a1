using GovBot.Data.Places;
using GovBot.Skills.Nlu;

namespace GovBot.Skills.GridContact;

/// <summary>Opening hours in words and whether a station is open on a day or at an instant; stations keep China time.</summary>
public static class StationHours
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private static readonly string[] DayNames = ["", "周一", "周二", "周三", "周四", "周五", "周六", "周日"];

    /// <summary>1 for Monday … 7 for Sunday, the digits of <see cref="ServiceStation.OpenDays"/>.</summary>
    private static int IsoDay(DayOfWeek day) => day == DayOfWeek.Sunday ? 7 : (int)day;

    public static bool IsOpenOn(ServiceStation station, DateOnly day) => station.OpenDays.Contains((char)('0' + IsoDay(day.DayOfWeek)));

    public static bool IsOpen(ServiceStation station, DateTimeOffset at)
    {
        var local = at.ToOffset(China);
        var time = TimeOnly.FromDateTime(local.DateTime);
        return IsOpenOn(station, DateOnly.FromDateTime(local.DateTime)) && time >= station.OpensAt && time < station.ClosesAt;
    }

    /// <summary>"每天 8:00–20:00" or "周一至周五 8:30–17:30".</summary>
    public static string Describe(ServiceStation station) => $"{Days(station.OpenDays)} {Hours(station)}";

    private static string Hours(ServiceStation station) => $"{station.OpensAt:H:mm}–{station.ClosesAt:H:mm}";

    public static string Days(string openDays) => openDays switch
    {
        "1234567" => "每天",
        "12345" => "周一至周五",
        "123456" => "周一至周六",
        _ => string.Join("、", openDays.Where(char.IsAsciiDigit).Select(c => DayNames[c - '0'])),
    };

    public static string NowLine(ServiceStation station, DateTimeOffset at) =>
        IsOpen(station, at) ? $"现在开着，{station.ClosesAt:H:mm}关门。" : "现在没开门。";

    /// <summary>
    /// The answer to 「礼拜天有人没」「明儿几点开」「周末开门不」: whether the station opens on the day (or days, or at the
    /// time) asked, and its hours then. Today also says whether it is open now.
    /// </summary>
    public static string DayLine(ServiceStation station, SaidDate asked, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.ToOffset(China).DateTime);
        var words = asked.Describe(today);
        if (asked.IsRange)
        {
            var open = new SortedSet<int>();
            for (var d = asked.From; d <= asked.To; d = d.AddDays(1))
                if (IsOpenOn(station, d)) open.Add(IsoDay(d.DayOfWeek));
            var days = asked.To.DayNumber - asked.From.DayNumber + 1;
            if (open.Count == 0) return $"{words}不开门。";
            if (open.Count == Math.Min(days, 7)) return $"{words}都开门，{Hours(station)}。";
            return $"{words}{Days(string.Concat(open))}开门，{Hours(station)}。";
        }

        if (!IsOpenOn(station, asked.From)) return $"{words}不开门。";
        if (asked.Instant is { } at)
            return IsOpen(station, at)
                ? $"{words}{at:H:mm}开着，{station.ClosesAt:H:mm}关门。"
                : $"{words}{at:H:mm}不开门，那天{Hours(station)}开。";
        if (asked.From != today) return $"{words}开门，{Hours(station)}。";
        var time = TimeOnly.FromDateTime(now.ToOffset(China).DateTime);
        if (IsOpen(station, now)) return $"今天开着，{station.ClosesAt:H:mm}关门。";
        return time < station.OpensAt ? $"今天{station.OpensAt:H:mm}开门，{station.ClosesAt:H:mm}关门。" : $"今天已经关门了（{Hours(station)}）。";
    }
}
