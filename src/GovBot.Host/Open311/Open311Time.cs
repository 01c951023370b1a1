using System.Globalization;
using System.Text.RegularExpressions;

namespace GovBot.Host.Open311;

/// <summary>W3C-profile ISO 8601 as GeoReport v2 demands: always with an offset, written in China Standard Time.</summary>
internal static partial class Open311Time
{
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static string Format(DateTimeOffset at) =>
        at.ToOffset(ChinaOffset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static string? Format(DateTimeOffset? at) => at is { } value ? Format(value) : null;

    /// <summary>
    /// Reads "2026-11-23T08:00:00Z", "…+08:00", or without an offset ("2026-11-23", "2026-11-23T08:00"),
    /// which is taken as China time: the spec requires an offset, but a county clerk typing a date means local time.
    /// </summary>
    public static bool TryParse(string? text, out DateTimeOffset at)
    {
        at = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        // "+08:00" sent unencoded in a query string arrives as " 08:00".
        var s = text.Contains('T', StringComparison.OrdinalIgnoreCase) ? UnencodedPlus().Replace(text.Trim(), "+$1") : text.Trim();
        if (HasOffset(s))
            return DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out at);
        if (!DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)) return false;
        at = new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), ChinaOffset);
        return true;
    }

    private static bool HasOffset(string s)
    {
        if (!s.Contains('T', StringComparison.OrdinalIgnoreCase)) return false;
        if (s.EndsWith('Z') || s.EndsWith('z')) return true;
        // "+08:00" or "+0800" at the end, after the time.
        var sign = s.LastIndexOfAny(['+', '-']);
        return sign > s.IndexOf('T', StringComparison.OrdinalIgnoreCase) && s.Length - sign is 5 or 6;
    }

    /// <summary>"2小时", "3天", "90分钟": how limits read in Chinese.</summary>
    public static string Duration(TimeSpan span) =>
        span.TotalDays >= 1 && span.Ticks % TimeSpan.TicksPerDay == 0 ? $"{(int)span.TotalDays}天"
        : span.TotalHours >= 1 && span.Ticks % TimeSpan.TicksPerHour == 0 ? $"{(int)span.TotalHours}小时"
        : $"{(int)Math.Ceiling(span.TotalMinutes)}分钟";

    [GeneratedRegex(@"\s(\d{2}:?\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex UnencodedPlus();
}
