using GovBot.Data.Places;

namespace GovBot.Skills.GridContact;

/// <summary>Opening hours in words and whether a station is open at an instant; stations keep China time.</summary>
public static class StationHours
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private static readonly string[] DayNames = ["", "周一", "周二", "周三", "周四", "周五", "周六", "周日"];

    public static bool IsOpen(ServiceStation station, DateTimeOffset at)
    {
        var local = at.ToOffset(China);
        var day = local.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)local.DayOfWeek;
        var time = TimeOnly.FromDateTime(local.DateTime);
        return station.OpenDays.Contains((char)('0' + day)) && time >= station.OpensAt && time < station.ClosesAt;
    }

    /// <summary>"每天 8:00–20:00" or "周一至周五 8:30–17:30".</summary>
    public static string Describe(ServiceStation station) => $"{Days(station.OpenDays)} {station.OpensAt:H:mm}–{station.ClosesAt:H:mm}";

    public static string Days(string openDays) => openDays switch
    {
        "1234567" => "每天",
        "12345" => "周一至周五",
        "123456" => "周一至周六",
        _ => string.Join("、", openDays.Where(char.IsAsciiDigit).Select(c => DayNames[c - '0'])),
    };

    public static string NowLine(ServiceStation station, DateTimeOffset at) =>
        IsOpen(station, at) ? $"现在开着，{station.ClosesAt:H:mm}关门。" : "现在没开门。";
}
