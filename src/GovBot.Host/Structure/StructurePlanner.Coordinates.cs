using GovBot.Data.Places;

namespace GovBot.Host.Structure;

/// <summary>
/// The optional coordinates of 小区 and 服务站点: 「纬度」 and 「经度」, or one 「坐标」 cell as map apps copy it
/// (「112.3561,37.6032」 or 「37.6032,112.3561」: China's latitudes and longitudes do not overlap, so either order reads).
/// GCJ-02, as WeCom location messages and Chinese map apps give them. Empty cells keep what the store has.
/// </summary>
internal sealed partial class StructurePlanner
{
    private static (double Latitude, double Longitude)? Coordinates(RowCheck r)
    {
        var (lat, lng, pair) = (Wide(r.Get("纬度")), Wide(r.Get("经度")), Wide(r.Get("坐标")));
        if (pair.Length > 0)
        {
            if (lat.Length > 0 || lng.Length > 0) { r.Why.Add("「坐标」和「纬度」「经度」只填一种"); return null; }
            if (Geo.Pair(pair) is { } both) return both;
            r.Why.Add($"坐标「{pair}」看不懂（请写成 37.6032,112.3561，纬度 {Geo.MinLatitude:0}–{Geo.MaxLatitude:0}，经度 {Geo.MinLongitude:0}–{Geo.MaxLongitude:0}）");
            return null;
        }
        if (lat.Length == 0 && lng.Length == 0) return null;
        if (lat.Length == 0 || lng.Length == 0) { r.Why.Add("「纬度」和「经度」要一起填"); return null; }
        var (a, b) = (Geo.Degree(lat), Geo.Degree(lng));
        if (a is not { } la || !Geo.IsLatitude(la)) r.Why.Add($"纬度「{lat}」不对（应在 {Geo.MinLatitude:0} 到 {Geo.MaxLatitude:0} 之间，如 37.6032）");
        if (b is not { } lo || !Geo.IsLongitude(lo)) r.Why.Add($"经度「{lng}」不对（应在 {Geo.MinLongitude:0} 到 {Geo.MaxLongitude:0} 之间，如 112.3561）");
        return a is { } x && b is { } y && Geo.IsLatitude(x) && Geo.IsLongitude(y) ? (x, y) : null;
    }

    /// <summary>Sets the coordinates a row gives and records the change; none given keeps the old ones.</summary>
    private static void Place(RowChange c, (double Latitude, double Longitude)? at, Func<(double?, double?)> get, Action<double, double> set)
    {
        if (at is not { } p) return;
        var (lat, lng) = get();
        Diff(c, "坐标", lat is { } a && lng is { } b ? Geo.Text(a, b) : null, Geo.Text(p.Latitude, p.Longitude));
        set(p.Latitude, p.Longitude);
    }

    /// <summary>Full-width digits and points (an IME leaves them) as ASCII; spaces kept, they may separate a pair.</summary>
    private static string Wide(string text) =>
        new([.. text.Trim().Select(c => c switch { >= '０' and <= '９' => (char)('0' + (c - '０')), '．' => '.', '－' => '-', _ => c })]);
}
