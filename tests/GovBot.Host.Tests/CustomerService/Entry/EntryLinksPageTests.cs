using System.Net;
using GovBot.Data.Seeding;
using GovBot.Emulator;
using GovBot.Host.Tests.EndToEnd;
using GovBot.Host.Tests.Staff;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Host.Tests.CustomerService.Entry;

/// <summary>「微信入口」: links made on demand through kf/add_contact_way, shown as QR codes, per community as staff may see.</summary>
public sealed class EntryLinksPageTests
{
    public const string OpenKfId = "wkTestKfAccount01";

    public static Dictionary<string, string?> Settings => new() { ["WeCom:CustomerService:OpenKfId"] = OpenKfId };

    [Fact]
    public async Task County_admin_makes_every_link_once_and_each_QR_code_holds_its_own_link()
    {
        await using var host = await StaffHost.StartAsync(Settings);
        using var admin = await host.AdminAsync();

        var before = await admin.GetStringAsync("/staff/entry");
        Assert.Contains("生成二维码", before, StringComparison.Ordinal);
        Assert.DoesNotContain("<svg id=\"qr-", before, StringComparison.Ordinal);

        using var made = await admin.PostAsync("/staff/entry/make-all", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        var (communities, grids, links) = await host.Bot.WithDbAsync(async db =>
            (await db.Communities.CountAsync(), await db.Grids.CountAsync(), await db.CustomerServiceLinks.AsNoTracking().Include(l => l.Grid).ToListAsync()));
        Assert.Equal(communities + grids, links.Count);
        Assert.Equal(links.Count, host.StandIn.CallsTo("kf/add_contact_way").Count);
        Assert.All(links, l => Assert.Matches("^[cg][0-9A-Za-z]{10}$", l.Scene));
        Assert.Equal(links.Count, links.Select(l => l.Scene).Distinct().Count());

        var page = await admin.GetStringAsync("/staff/entry");
        Assert.Contains("新生成了", await admin.GetStringAsync(made.Headers.Location!.ToString()), StringComparison.Ordinal);
        foreach (var link in links.Where(l => l.GridId is not null).Take(3))
        {
            Assert.Equal(link.Url, QrReader.Read(page, $"qr-g{link.GridId}"));
            Assert.Equal(link.Scene, host.StandIn.SceneOfLink(link.Url));
        }
        var community = links.First(l => l.GridId is null);
        Assert.Equal(community.Url, QrReader.Read(page, $"qr-c{community.CommunityId}"));
        // Two different grids never share a code.
        var two = links.Where(l => l.GridId is not null).Take(2).ToList();
        Assert.NotEqual(QrReader.Read(page, $"qr-g{two[0].GridId}"), QrReader.Read(page, $"qr-g{two[1].GridId}"));

        // Pressing again makes nothing new: printed codes keep working.
        using var again = await admin.PostAsync("/staff/entry/make-all", new FormUrlEncodedContent([]));
        Assert.Equal("/staff/entry?made=0", again.Headers.Location!.ToString());
        Assert.Equal(links.Count, host.StandIn.CallsTo("kf/add_contact_way").Count);
        var urls = await host.Bot.WithDbAsync(db => db.CustomerServiceLinks.Select(l => l.Url).ToListAsync());
        Assert.Equal(links.Select(l => l.Url).Order(StringComparer.Ordinal), urls.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Staff_see_and_make_only_their_own_communitys_links_and_print_a_notice_with_the_grid_worker()
    {
        await using var host = await StaffHost.StartAsync(Settings);
        using var admin = await host.AdminAsync();
        using var _ = await admin.PostAsync("/staff/entry/make-all", new FormUrlEncodedContent([]));
        var (ours, others) = await host.Bot.WithDbAsync(async db =>
        {
            var own = await db.People.Where(p => p.WeComUserId == DemoUsers.Staff).Select(p => p.CommunityId).SingleAsync();
            var links = await db.CustomerServiceLinks.AsNoTracking().ToListAsync();
            return (links.Where(l => l.CommunityId == own).ToList(), links.Where(l => l.CommunityId != own).ToList());
        });
        Assert.NotEmpty(others);

        var (staff, _) = await host.WeComSignInAsync(DemoUsers.Staff);
        using (staff)
        {
            var page = await staff.GetStringAsync("/staff/entry");
            Assert.Contains("清泉湖社区", page, StringComparison.Ordinal);
            foreach (var own in ours) Assert.Equal(own.Url, ReadAll(page, own));
            foreach (var other in others)
                Assert.DoesNotContain($"data-community=\"{other.CommunityId}\"", page, StringComparison.Ordinal);
            Assert.Contains("<a href=\"/staff/entry\">微信入口</a>", page, StringComparison.Ordinal);

            // Another community's notice and its link are refused, and nothing of it shows.
            using var theirs = await staff.GetAsync($"/staff/entry/{others[0].Id}/notice");
            Assert.Equal(HttpStatusCode.Forbidden, theirs.StatusCode);
            Assert.DoesNotContain(others[0].Url, await theirs.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            using var make = await staff.PostAsync("/staff/entry/make", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["community"] = others[0].CommunityId.ToString(), ["grid"] = "",
            }));
            Assert.Equal(HttpStatusCode.Forbidden, make.StatusCode);

            // The notice of 王建军's grid: the place, the worker residents are told about, and the code.
            var grid = await host.Bot.WithDbAsync(db => db.GridWorkers.Where(w => w.Person!.WeComUserId == DemoUsers.GridWorker)
                .Select(w => new { w.GridId, w.Grid!.Name, w.Person!.Phone }).FirstAsync());
            var link = ours.Single(l => l.GridId == grid.GridId);
            var notice = await staff.GetStringAsync($"/staff/entry/{link.Id}/notice");
            Assert.Contains("扫码找网格员，随时说事", notice, StringComparison.Ordinal);
            Assert.Contains("清泉湖社区" + grid.Name, notice, StringComparison.Ordinal);
            Assert.Contains("王建军 " + grid.Phone, notice, StringComparison.Ordinal);
            Assert.Equal(link.Url, QrReader.Read(notice, "qr"));
        }

        // A grid worker has no such page: entry codes are the community office's.
        var (worker, _) = await host.WeComSignInAsync(DemoUsers.GridWorker);
        using (worker)
        {
            using var refused = await worker.GetAsync("/staff/entry");
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }
    }

    [Fact]
    public async Task A_refused_WeCom_call_shows_a_plain_error_and_leaves_nothing_then_the_next_press_makes_it()
    {
        await using var host = await StaffHost.StartAsync(Settings);
        var (staff, _) = await host.WeComSignInAsync(DemoUsers.Staff);
        using (staff)
        {
            host.StandIn.InjectFault(new StandInFault.Refusal(95000, "invalid open_kfid"), count: 1);
            using var refused = await staff.PostAsync("/staff/entry/make-all", new FormUrlEncodedContent([]));
            var page = await staff.GetStringAsync(refused.Headers.Location!.ToString());
            Assert.Contains("企业微信没有生成二维码（错误码 95000）", page, StringComparison.Ordinal);
            Assert.DoesNotContain("invalid", page, StringComparison.Ordinal);
            Assert.Equal(0, await host.Bot.WithDbAsync(db => db.CustomerServiceLinks.CountAsync()));

            host.StandIn.InjectFault(new StandInFault.Http(502), count: 1);
            using var down = await staff.PostAsync("/staff/entry/make-all", new FormUrlEncodedContent([]));
            Assert.Contains("企业微信暂时连不上", await staff.GetStringAsync(down.Headers.Location!.ToString()), StringComparison.Ordinal);
            Assert.Equal(0, await host.Bot.WithDbAsync(db => db.CustomerServiceLinks.CountAsync()));

            using var ok = await staff.PostAsync("/staff/entry/make-all", new FormUrlEncodedContent([]));
            Assert.StartsWith("/staff/entry?made=", ok.Headers.Location!.ToString(), StringComparison.Ordinal);
            Assert.NotEqual(0, await host.Bot.WithDbAsync(db => db.CustomerServiceLinks.CountAsync()));
        }
    }

    [Fact]
    public async Task Without_an_account_configured_the_page_says_so_and_makes_nothing()
    {
        await using var host = await StaffHost.StartAsync();
        using var admin = await host.AdminAsync();
        var page = await admin.GetStringAsync("/staff/entry");
        Assert.Contains("还没有配置微信客服账号", page, StringComparison.Ordinal);
        using var make = await admin.PostAsync("/staff/entry/make-all", new FormUrlEncodedContent([]));
        Assert.Contains("还没有配置微信客服账号", await admin.GetStringAsync(make.Headers.Location!.ToString()), StringComparison.Ordinal);
        Assert.Empty(host.StandIn.CallsTo("kf/add_contact_way"));
    }

    private static string ReadAll(string page, GovBot.Data.CustomerService.CustomerServiceLink link) =>
        QrReader.Read(page, link.GridId is { } g ? $"qr-g{g}" : $"qr-c{link.CommunityId}");
}
