using System.Globalization;

namespace GovBot.Host.Staff;

/// <summary>A refused form, shown again as it was filled in: which form it was, what was typed, and why it came back.</summary>
public sealed record FormEcho(string Form, IFormCollection Values, string Error)
{
    /// <summary>What the person typed in <paramref name="field"/> of <paramref name="form"/>, or <paramref name="fallback"/> for every other form.</summary>
    public static string Value(FormEcho? echo, string form, string field, string fallback = "") =>
        echo is not null && echo.Form == form ? echo.Values[field].ToString() : fallback;

    /// <summary>Whether a box of a multiple choice was ticked when the form came back.</summary>
    public static bool Ticked(FormEcho? echo, string form, string field, string value) =>
        echo is not null && echo.Form == form && echo.Values[field].Contains(value);
}

/// <summary>Reading the staff pages' form fields; whatever a browser did not send as asked reads as missing, never as an exception.</summary>
public static class StaffForm
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    public static string Text(IFormCollection form, string name) => form[name].ToString().Trim();

    public static int? Int(IFormCollection form, string name) =>
        int.TryParse(Text(form, name), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : null;

    public static double? Number(IFormCollection form, string name) =>
        double.TryParse(Text(form, name), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n) ? n : null;

    /// <summary>A choice from a list where "" means none: (true, null) for none, (false, _) for something not on any list.</summary>
    public static (bool Ok, int? Id) Choice(IFormCollection form, string name) =>
        Text(form, name) is { Length: 0 } ? (true, null) : Int(form, name) is { } id ? (true, id) : (false, null);

    /// <summary>A date field (2026-11-07).</summary>
    public static DateOnly? Day(IFormCollection form, string name) =>
        DateOnly.TryParseExact(Text(form, name), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary>A datetime-local field (2026-11-07T09:00), read as China time whatever the browser's zone.</summary>
    public static DateTimeOffset? ChinaTime(IFormCollection form, string name) =>
        DateTime.TryParseExact(Text(form, name), ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
            ? new DateTimeOffset(t, China)
            : null;

    /// <summary>What a datetime-local field shows for <paramref name="at"/>.</summary>
    public static string Input(DateTimeOffset at) => at.ToOffset(China).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"11月7日 09:00–10:00", the day left out of the end when it is the same.</summary>
    public static string Span(DateTimeOffset from, DateTimeOffset to)
    {
        var (a, b) = (from.ToOffset(China), to.ToOffset(China));
        var end = a.Date == b.Date ? b.ToString("HH:mm", CultureInfo.InvariantCulture) : b.ToString("M月d日 HH:mm", CultureInfo.InvariantCulture);
        return $"{a.ToString("M月d日 HH:mm", CultureInfo.InvariantCulture)}–{end}";
    }
}
