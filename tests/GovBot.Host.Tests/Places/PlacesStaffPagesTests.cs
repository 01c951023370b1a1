using System.Net;
using GovBot.Data.Seeding;
using GovBot.Host.Tests.EndToEnd;
using GovBot.Host.Tests.Staff;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Host.Tests.Places;

/// <summary>The compound page (coordinates set by the community's staff) and the map on a report's page, through the real host.</summary>
public sealed class PlacesStaffPagesTests
{
    [Fact]
    public async Task Staff_of_the_community_set_a_compounds_coordinates_and_a_location_near_them_then_finds_it()
    {
        await using var host = await StaffHost.StartAsync();
        var qinghua = await host.Bot.WithDbAsync(db => db.Compounds.SingleAsync(c => c.Name == "清华苑一期"));

        // 吴静 works for 迎新社区: 清华苑一期 is not hers to move.
        var (other, _) = await host.WeComSignInAsync("wujing");
        using (other)
        {
            using var refused = await other.PostAsync($"/staff/compounds/{qinghua.Id}/coordinates",
                new FormUrlEncodedContent(new Dictionary<string, string> { ["coordinates"] = "37.7000,112.4000" }));
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        var (staff, _) = await host.WeComSignInAsync(DemoUsers.Staff);
        using (staff)
        {
            Assert.Contains("清华苑一期", await staff.GetStringAsync("/staff/compounds"));
            using var bad = await staff.PostAsync($"/staff/compounds/{qinghua.Id}/coordinates",
                new FormUrlEncodedContent(new Dictionary<string, string> { ["coordinates"] = "37.6,200" }));
            Assert.Contains("error=", bad.Headers.Location!.OriginalString);
            // Copied from a map app: longitude first.
            using var saved = await staff.PostAsync($"/staff/compounds/{qinghua.Id}/coordinates",
                new FormUrlEncodedContent(new Dictionary<string, string> { ["coordinates"] = "112.3596，37.6072" }));
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            var page = await staff.GetStringAsync(saved.Headers.Location!.OriginalString);
            Assert.Contains("37.607200,112.359600", page);
        }
        Assert.Equal((37.6072, 112.3596), await host.Bot.WithDbAsync(async db =>
        {
            var c = await db.Compounds.SingleAsync(x => x.Id == qinghua.Id);
            return (c.Latitude!.Value, c.Longitude!.Value);
        }));

        // 冯建国 of 世纪花园 at 清华苑一期's north gate: the chat now knows where that is, at once.
        await host.Bot.SayAsync("fengjianguo", "我要反映问题");
        await host.Bot.SayAsync("fengjianguo", "有人在绿地上私搭乱建");
        var asked = await host.Bot.ReplyToAsync("fengjianguo", () => host.Bot.WeCom.SendLocationAsync("fengjianguo", 37.6073, 112.3597, "北门"));
        Assert.Contains("清华苑一期", asked);
        Assert.Contains("哪栋楼", asked);
    }

    [Fact]
    public async Task A_grid_worker_cannot_open_the_compound_pages()
    {
        await using var host = await StaffHost.StartAsync();
        var (worker, _) = await host.WeComSignInAsync(DemoUsers.GridWorker);
        using (worker)
        {
            using var list = await worker.GetAsync("/staff/compounds");
            Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        }
    }

    [Fact]
    public async Task A_report_sent_with_a_location_shows_a_map_with_its_point_and_the_compound_nearby_beside_its_photo()
    {
        await using var host = await StaffHost.StartAsync();
        const string resident = "fengjianguo";
        host.StandIn.AddMedia("media-map-1", [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0xFF, 0xD9], "image/jpeg", "map.jpg");
        await host.Bot.SayAsync(resident, "我要反映问题");
        await host.Bot.SayAsync(resident, "有人在绿地上私搭乱建");
        await host.Bot.ReplyToAsync(resident, () => host.Bot.WeCom.SendLocationAsync(resident, 37.5992, 112.3523, "滨河东路口"));
        await host.Bot.SayAsync(resident, "不在楼里");
        await host.Bot.ReplyToAsync(resident, () => host.Bot.WeCom.SendImageAsync(resident, "media-map-1", "http://example.invalid/p.jpg"));
        Assert.StartsWith("已上报", await host.Bot.SayAsync(resident, "是"));
        var id = await host.Bot.WithDbAsync(db => db.Reports.Select(r => r.Id).SingleAsync());
        await BotHost.EventuallyAsync(() => host.Bot.WithDbAsync(db => db.ReportPhotos.AnyAsync(p => p.ReportId == id && p.Content != null)),
            because: "The photo was not fetched.");

        using var admin = await host.AdminAsync();
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync($"/staff/reports/{id}"));

        Assert.Contains("id=\"report-map\"", page);
        Assert.Contains("id=\"report-map-point\"", page);
        Assert.Contains(">滨河东路口</text>", page);
        Assert.Contains("data-name=\"中隐澜湾\"", page);
        Assert.Contains("米</text>", page);
        // The photo sits beside the map, in the same row.
        var map = page.IndexOf("id=\"report-map\"", StringComparison.Ordinal);
        var photo = page.IndexOf("class=\"photo\"", StringComparison.Ordinal);
        Assert.True(photo > map && page.LastIndexOf("class=\"beside\"", map, StringComparison.Ordinal) >= 0, "The photo is not beside the map.");
    }
}
