using System.Globalization;
using System.Text;
using GovBot.Data.Places;
using GovBot.Host.Staff;

namespace GovBot.Host.Places;

/// <summary>A place on <see cref="SvgPlaceMap"/>: a compound or station with coordinates (GCJ-02).</summary>
public sealed record MapPlace(string Name, double Latitude, double Longitude);

/// <summary>
/// A small map drawn as SVG on the server: the report's point, the places with coordinates around it as labelled dots,
/// a north mark and a scale bar. No tiles and no map key: nothing leaves the host, and the page works offline. The
/// projection is flat (metres east and north of the point), true enough for the few hundred metres it shows.
/// </summary>
public static class SvgPlaceMap
{
    private const int Width = 360, Height = 260, Margin = 28;
    private static readonly int[] ScaleSteps = [20, 50, 100, 200, 500, 1000, 2000];

    /// <summary>The map around (<paramref name="latitude"/>, <paramref name="longitude"/>), showing the places within <paramref name="reachMeters"/>.</summary>
    public static string Render(string id, double latitude, double longitude, string pointLabel, IEnumerable<MapPlace> places, double reachMeters = 800)
    {
        var near = places.Select(p => (Place: p, Meters: Geo.Meters(latitude, longitude, p.Latitude, p.Longitude)))
            .Where(p => p.Meters <= reachMeters).OrderBy(p => p.Meters).Take(8).ToList();
        // Half the map's height in metres: the farthest place shown fits, never closer in than 100 m.
        var half = Math.Max(100, near.Count == 0 ? 0 : near.Max(p => p.Meters) * 1.15);
        var perMeter = (Height / 2.0 - Margin) / half;
        var cosLat = Math.Cos(latitude * Math.PI / 180);
        (double X, double Y) At(double lat, double lng) =>
            (Width / 2.0 + (lng - longitude) * 111_320 * cosLat * perMeter, Height / 2.0 - (lat - latitude) * 110_574 * perMeter);

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg id=\"{id}\" class=\"map\" role=\"img\" aria-label=\"{StaffHtml.E(pointLabel)}的位置\" viewBox=\"0 0 {Width} {Height}\" width=\"100%\" style=\"max-width:{Width}px;background:#eef3ea;border-radius:6px\">");
        foreach (var (place, meters) in near)
        {
            var (x, y) = At(place.Latitude, place.Longitude);
            svg.Append(CultureInfo.InvariantCulture,
                $"<g class=\"place\" data-name=\"{StaffHtml.E(place.Name)}\"><circle cx=\"{x:0.#}\" cy=\"{y:0.#}\" r=\"5\" fill=\"#2f6db5\"><title>{StaffHtml.E(place.Name)}（约 {meters:0} 米）</title></circle>"
                + $"<text x=\"{x + 8:0.#}\" y=\"{y + 4:0.#}\">{StaffHtml.E(place.Name)}</text></g>");
        }
        var (cx, cy) = At(latitude, longitude);
        svg.Append(CultureInfo.InvariantCulture,
            $"<g id=\"{id}-point\" class=\"point\"><circle cx=\"{cx:0.#}\" cy=\"{cy:0.#}\" r=\"7\" fill=\"#c8161d\" stroke=\"#fff\" stroke-width=\"2\"/>"
            + $"<text x=\"{cx + 10:0.#}\" y=\"{cy - 8:0.#}\" style=\"fill:#c8161d\">{StaffHtml.E(pointLabel)}</text></g>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width - 18}\" y=\"20\" text-anchor=\"middle\">北</text><path d=\"M{Width - 18} 24 l-5 12 h10 z\" fill=\"#333\"/>");
        // The scale bar: the longest round length that fits in a quarter of the width.
        var step = ScaleSteps.LastOrDefault(s => s * perMeter <= Width / 4.0, ScaleSteps[0]);
        var bar = step * perMeter;
        svg.Append(CultureInfo.InvariantCulture,
            $"<g class=\"scale\"><path d=\"M12 {Height - 14} v-5 M12 {Height - 14} h{bar:0.#} v-5\" stroke=\"#333\" fill=\"none\" stroke-width=\"2\"/>"
            + $"<text x=\"{12 + bar + 6:0.#}\" y=\"{Height - 12}\">{step} 米</text></g>");
        return svg.Append("</svg>").ToString();
    }
}
