using System.Globalization;

namespace GovBot.Data.Places;

/// <summary>
/// Distances and coordinate checks for places. Every coordinate in the store is GCJ-02 (the system WeCom location
/// messages and Chinese map apps use), so two of them compare directly; nothing here converts between systems.
/// </summary>
public static class Geo
{
    private const double EarthRadiusMeters = 6_371_008.8;

    /// <summary>Great-circle distance in metres (haversine); plenty for a few hundred metres inside one town.</summary>
    public static double Meters(double lat1, double lng1, double lat2, double lng2)
    {
        static double Rad(double d) => d * Math.PI / 180;
        var dLat = Rad(lat2 - lat1);
        var dLng = Rad(lng2 - lng1);
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2) + Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Sin(dLng / 2) * Math.Sin(dLng / 2);
        return 2 * EarthRadiusMeters * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    // China's extent, a little generous. The two ranges do not overlap, which is what lets a cell or a form give the
    // pair in either order (map apps copy 「经度,纬度」, people write 「纬度,经度」).
    public const double MinLatitude = 3, MaxLatitude = 54, MinLongitude = 73, MaxLongitude = 136;

    public static bool IsLatitude(double v) => v is >= MinLatitude and <= MaxLatitude;

    public static bool IsLongitude(double v) => v is >= MinLongitude and <= MaxLongitude;

    /// <summary>A decimal degree as typed (full-width digits and signs already narrowed by the caller); null when not a number.</summary>
    public static double? Degree(string text) =>
        double.TryParse(text.Trim().TrimEnd('°'), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v)
        && double.IsFinite(v) ? v : null;

    /// <summary>
    /// 「37.6032,112.3561」 or 「112.3561,37.6032」 (comma, full-width comma, space or semicolon between): (latitude, longitude)
    /// when both numbers are in China's range, whichever order they came in; null otherwise.
    /// </summary>
    public static (double Latitude, double Longitude)? Pair(string text)
    {
        var parts = text.Split([',', '，', ' ', ';', '；', '、', '\u3000'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || Degree(parts[0]) is not { } a || Degree(parts[1]) is not { } b) return null;
        if (IsLatitude(a) && IsLongitude(b)) return (a, b);
        if (IsLongitude(a) && IsLatitude(b)) return (b, a);
        return null;
    }

    /// <summary>"37.603200,112.356100": how coordinates are shown and written back, six decimals (about 0.1 m).</summary>
    public static string Text(double latitude, double longitude) =>
        string.Create(CultureInfo.InvariantCulture, $"{latitude:0.000000},{longitude:0.000000}");
}
