using System.Globalization;
using GovBot.Data.Services;

namespace GovBot.Skills.Services;

/// <summary>Times and bookings the way people say them in Shanxi: 本周六上午9:00–10:00, not dates with years.</summary>
public static class ServiceWording
{
    public static readonly TimeSpan China = TimeSpan.FromHours(8);
    private static readonly string[] WeekDays = ["日", "一", "二", "三", "四", "五", "六"];

    /// <summary>今天/明天/后天, 本周六/下周二 (weeks start on Monday), else 12月5日; then the part of day.</summary>
    public static string Day(DateTimeOffset at, DateTimeOffset now)
    {
        var local = at.ToOffset(China);
        var today = now.ToOffset(China).Date;
        var days = (local.Date - today).Days;
        var mondayThisWeek = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var weeks = (int)Math.Floor((local.Date - mondayThisWeek).TotalDays / 7);
        var day = days switch
        {
            0 => "今天",
            1 => "明天",
            2 => "后天",
            _ when weeks == 0 => "本周" + WeekDays[(int)local.DayOfWeek],
            _ when weeks == 1 => "下周" + WeekDays[(int)local.DayOfWeek],
            _ => $"{local.Month}月{local.Day}日",
        };
        return day + PartOfDay(local.Hour);
    }

    private static string PartOfDay(int hour) => hour switch
    {
        < 12 => "上午",
        < 14 => "中午",
        < 18 => "下午",
        _ => "晚上",
    };

    public static string Clock(DateTimeOffset at) => at.ToOffset(China).ToString("H:mm", CultureInfo.InvariantCulture);

    /// <summary>"本周六上午9:00–10:00".</summary>
    public static string When(ServiceSlot slot, DateTimeOffset now) => $"{Day(slot.StartsAt, now)}{Clock(slot.StartsAt)}–{Clock(slot.EndsAt)}";

    public static string When(VolunteerTask task, DateTimeOffset now) => $"{Day(task.StartsAt, now)}{Clock(task.StartsAt)}–{Clock(task.EndsAt)}";

    public static string Left(ServiceSlot slot) =>
        slot.Booked >= slot.Capacity ? "已约满，可排候补" : $"还剩{slot.Capacity - slot.Booked}个名额";

    public static string Status(BookingStatus status) => status switch
    {
        BookingStatus.Booked => "已预约",
        BookingStatus.Waitlisted => "候补中",
        BookingStatus.Cancelled => "已取消",
        BookingStatus.CheckedIn => "已到场",
        BookingStatus.NoShow => "未到场",
        _ => "",
    };

    /// <summary>"理发 本周六上午9:00–10:00，清泉湖社区党群服务中心".</summary>
    public static string Describe(Booking b, DateTimeOffset now) =>
        $"{b.Slot!.Item!.Name} {When(b.Slot, now)}，{b.Slot.Item.Event!.Place}";
}
