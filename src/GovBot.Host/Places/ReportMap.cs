using GovBot.Data;
using GovBot.Data.Reports;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Host.Places;

/// <summary>The map on a report's staff page: its point and the compounds and service stations with coordinates around it.</summary>
public static class ReportMap
{
    /// <summary>How far around the point places are looked up: about 1 km either way, more than the map shows.</summary>
    private const double Box = 0.01;

    public static async Task<string> RenderAsync(GovBotDb db, Report report, double latitude, double longitude, CancellationToken ct)
    {
        var (south, north, west, east) = (latitude - Box, latitude + Box, longitude - Box * 1.3, longitude + Box * 1.3);
        var compounds = await db.Compounds.AsNoTracking()
            .Where(c => c.Latitude >= south && c.Latitude <= north && c.Longitude >= west && c.Longitude <= east)
            .Select(c => new MapPlace(c.Name, c.Latitude!.Value, c.Longitude!.Value)).ToListAsync(ct);
        var stations = await db.ServiceStations.AsNoTracking()
            .Where(c => c.Latitude >= south && c.Latitude <= north && c.Longitude >= west && c.Longitude <= east)
            .Select(c => new MapPlace(c.Name, c.Latitude!.Value, c.Longitude!.Value)).ToListAsync(ct);
        var label = report.LocationLabel is { Length: > 0 } l ? l : "反映位置";
        return SvgPlaceMap.Render("report-map", latitude, longitude, label, compounds.Concat(stations));
    }
}
