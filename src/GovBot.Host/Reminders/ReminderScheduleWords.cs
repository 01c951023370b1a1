using System.Globalization;
using System.Text.RegularExpressions;

namespace GovBot.Host.Reminders;

/// <summary>
/// A reminder's schedule as staff read it (「每天 8:00，错过不补」) instead of the Quartz cron string kept as the
/// trigger's description (<see cref="ReminderSchedule.Signature"/>). The shapes GovBot and its settings use are said
/// in words; anything else an operator configured is shown as set, so that nothing is hidden.
/// </summary>
public static partial class ReminderScheduleWords
{
    private static readonly string[] Weekdays = ["日", "一", "二", "三", "四", "五", "六"];
    private static readonly string[] DayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    public static string Describe(string signature)
    {
        if (signature.StartsWith("every ", StringComparison.Ordinal)
            && TimeSpan.TryParse(signature["every ".Length..], CultureInfo.InvariantCulture, out var interval))
            return Every(interval);
        if (CronSignature().Match(signature) is not { Success: true } m) return signature;
        var late = m.Groups["late"].Value == "late" ? "错过的开机后补上" : "错过不补";
        return When(m.Groups["expr"].Value) is { } when ? $"{when}，{late}" : $"按设定时间（{m.Groups["expr"].Value}），{late}";
    }

    private static string Every(TimeSpan interval) => interval switch
    {
        { TotalDays: >= 1 } when interval.TotalDays % 1 == 0 => $"每 {interval.TotalDays:0} 天",
        { TotalHours: >= 1 } when interval.TotalHours % 1 == 0 => interval.TotalHours == 1 ? "每小时" : $"每 {interval.TotalHours:0} 小时",
        { TotalMinutes: >= 1 } when interval.TotalMinutes % 1 == 0 => $"每 {interval.TotalMinutes:0} 分钟",
        _ => $"每 {interval.TotalSeconds:0} 秒",
    };

    /// <summary>The cron expression in words, or null when it is not one of the simple shapes.</summary>
    private static string? When(string expression)
    {
        var f = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (f.Length is < 6 or > 7 || f[0] != "0") return null;
        var (minute, hour, day, month, weekday) = (f[1], f[2], f[3], f[4], f[5]);

        // 0 0/10 * * * ?: every ten minutes.
        if (hour == "*" && day == "*" && month == "*" && weekday == "?" && Step(minute, out var everyMinutes))
            return $"每 {everyMinutes} 分钟";
        if (!int.TryParse(minute, out var mm) || !int.TryParse(hour, out var hh)) return null;
        var clock = $"{hh}:{mm:00}";

        if (day == "*" && month == "*" && weekday == "?") return $"每天 {clock}";
        if (day == "?" && month == "*" && DayOfWeek(weekday) is { } dow) return $"每周{Weekdays[dow]} {clock}";
        if (int.TryParse(day, out var dd) && weekday == "?")
        {
            if (month == "*") return $"每月 {dd} 日 {clock}";
            if (Step(month, out var everyMonths) && month.StartsWith("1/", StringComparison.Ordinal))
                return $"每 {everyMonths} 个月（从 1 月起）{dd} 日 {clock}";
        }
        return null;
    }

    private static bool Step(string field, out int step)
    {
        step = 0;
        var slash = field.IndexOf('/');
        return slash > 0 && int.TryParse(field[(slash + 1)..], out step) && step > 0;
    }

    private static int? DayOfWeek(string field)
    {
        var i = Array.IndexOf(DayNames, field.ToUpperInvariant());
        if (i >= 0) return i;
        return int.TryParse(field, out var n) && n is >= 1 and <= 7 ? n - 1 : null;
    }

    [GeneratedRegex("^cron (?<expr>.+) (?<late>late|skip)$")]
    private static partial Regex CronSignature();
}
