using System.Net;
using GovBot.Data.Places;
using GovBot.Host.Tests.Structure;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Host.Tests.Places;

/// <summary>Coordinates in the county workbook: 「纬度」「经度」 or one 「坐标」 cell, checked like every other cell.</summary>
public sealed class PlaceCoordinatesImportTests
{
    [Fact]
    public async Task Coordinates_out_of_range_or_half_given_refuse_their_row_with_the_reason()
    {
        await using var s = await StructureSession.StartAsync();
        var rows = StructureSession.TemplateRows();
        rows["小区"].Add(["XQ002", "北苑", "SQ001", "", "", "95", "112.36", ""]);                  // row 3
        rows["小区"].Add(["XQ003", "南苑", "SQ001", "", "", "37.6", "", ""]);                       // row 4
        rows["小区"].Add(["XQ004", "西苑", "SQ001", "", "", "", "", "东门旁边"]);                    // row 5

        var (status, preview) = await s.UploadAsync(("坐标有错.xlsx", StructureSession.Workbook(rows)));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<td>小区</td><td>第 3 行</td><td>纬度「95」不对", preview);
        Assert.Contains("<td>小区</td><td>第 4 行</td><td>「纬度」和「经度」要一起填。</td>", preview);
        Assert.Contains("<td>小区</td><td>第 5 行</td><td>坐标「东门旁边」看不懂", preview);
        Assert.DoesNotContain("id=\"apply\"", preview);
    }

    [Fact]
    public async Task Coordinates_import_in_either_order_and_a_change_shows_in_the_preview()
    {
        await using var s = await StructureSession.StartAsync();
        var rows = StructureSession.TemplateRows();
        // A map app's copy: longitude first, full-width comma.
        rows["小区"].Add(["XQ002", "北苑", "SQ001", "", "", "", "", "112.3610，37.6110"]);
        await s.ImportAsync(StructureSession.Workbook(rows));

        var (compounds, station) = await s.Host.Bot.WithDbAsync(async db =>
            (await db.Compounds.AsNoTracking().OrderBy(c => c.Code).ToListAsync(), await db.ServiceStations.AsNoTracking().SingleAsync()));
        Assert.Equal((37.6032, 112.3561), (compounds[0].Latitude!.Value, compounds[0].Longitude!.Value));
        Assert.Equal((37.6110, 112.3610), (compounds[1].Latitude!.Value, compounds[1].Longitude!.Value));
        Assert.Equal((37.6040, 112.3570), (station.Latitude!.Value, station.Longitude!.Value));

        rows["小区"][1][7] = "37.6120,112.3620";
        var (_, preview) = await s.UploadAsync(("改坐标.xlsx", StructureSession.Workbook(rows)));
        Assert.Contains(Geo.Text(37.6110, 112.3610), preview);
        Assert.Contains(Geo.Text(37.6120, 112.3620), preview);
    }
}
