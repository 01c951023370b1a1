using System.Net;
using System.Text.RegularExpressions;
using GovBot.Data.Seeding;
using GovBot.Host.Tests.EndToEnd;

namespace GovBot.Host.Tests.Staff;

/// <summary>What each role sees in the staff pages' navigation, and that the pages speak plain Chinese rather than routes and cron strings.</summary>
public sealed partial class StaffNavigationTests
{
    [Theory]
    [InlineData(DemoUsers.GridWorker, "概览,说事")]
    [InlineData(DemoUsers.Staff, "概览,说事,报到,微心愿,志愿服务,积分,待学习,微信入口,其他")]
    [InlineData(DemoUsers.Secretary, "概览,说事,报到,微心愿,志愿服务,积分,提醒,待学习,微信入口,其他")]
    [InlineData(DemoUsers.CountyAdmin, "概览,说事,报到,微心愿,志愿服务,积分,提醒,待学习,微信入口,其他,系统")]
    public async Task Each_role_sees_only_the_pages_it_may_open(string user, string expected)
    {
        await using var host = await StaffHost.StartAsync();
        var (client, _) = await host.WeComSignInAsync(user);
        using (client)
        {
            var nav = NavBar().Match(await client.GetStringAsync("/staff")).Groups[1].Value;
            var links = NavLink().Matches(nav).Select(m => (Href: m.Groups[1].Value, Label: m.Groups[2].Value)).ToList();
            Assert.Equal(expected, string.Join(',', links.Select(l => l.Label)));
            foreach (var (href, label) in links)
            {
                using var page = await client.GetAsync(href);
                Assert.True(page.StatusCode == HttpStatusCode.OK, $"{user}: 「{label}」 ({href}) answered {(int)page.StatusCode}");
            }
        }
    }

    [Fact]
    public async Task The_reminders_page_says_each_schedule_in_words()
    {
        await using var host = await StaffHost.StartAsync();
        var (admin, _) = await host.WeComSignInAsync(DemoUsers.CountyAdmin);
        using (admin)
        {
            var page = await admin.GetStringAsync("/staff/reminders");
            Assert.Contains("每天 8:00，错过不补", page, StringComparison.Ordinal);
            Assert.Contains("每周一 8:30", page, StringComparison.Ordinal);
            Assert.Contains("每 10 分钟", page, StringComparison.Ordinal);
            Assert.DoesNotContain("cron", page, StringComparison.Ordinal);
            Assert.DoesNotContain(" * ", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_other_lists_page_links_pages_and_spreadsheets_not_raw_data()
    {
        await using var host = await StaffHost.StartAsync();
        var (secretary, _) = await host.WeComSignInAsync(DemoUsers.Secretary);
        using (secretary)
        {
            var page = await secretary.GetStringAsync("/staff/lists");
            var main = page[page.IndexOf("<main>", StringComparison.Ordinal)..];
            Assert.DoesNotContain("/api/points", main, StringComparison.Ordinal);
            Assert.DoesNotContain("企业微信账号", main, StringComparison.Ordinal);
            // Every /api link left is a spreadsheet download, never JSON to read in a browser.
            foreach (Match link in Regex.Matches(main, "href=\"(/api/[^\"]+)\""))
                Assert.Matches(@"\.(csv|xlsx)(\?|$)", link.Groups[1].Value);
            Assert.Contains("href=\"/staff/checkins\"", main, StringComparison.Ordinal);
            Assert.Contains("href=\"/staff/points\"", main, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_report_accepted_on_the_web_by_the_county_admin_names_her_as_county_staff_not_as_grid_worker()
    {
        await using var host = await StaffHost.StartAsync();
        var report = await host.FileAsync(DemoUsers.Resident, "飞线充电", "3号楼有人拉电线充电");
        var (admin, _) = await host.WeComSignInAsync(DemoUsers.CountyAdmin);
        using (admin)
        {
            using var accepted = await admin.PostAsync($"/staff/reports/{report.Id}/accept", new FormUrlEncodedContent([]));
            Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        }
        await BotHost.EventuallyAsync(() => Task.FromResult(host.Bot.PushedTextsTo(DemoUsers.Resident).Any(t => t.Contains($"{report.Ticket}") && t.Contains("已受理"))),
            because: "the resident was not told the report was accepted.");
        var told = host.Bot.PushedTextsTo(DemoUsers.Resident).Single(t => t.Contains("已受理"));
        Assert.Contains("县里的工作人员", told, StringComparison.Ordinal);
        Assert.DoesNotContain("网格员", told, StringComparison.Ordinal);
    }

    [GeneratedRegex("<nav>(.*?)<span class=\"who\">", RegexOptions.Singleline)]
    private static partial Regex NavBar();

    [GeneratedRegex("<a href=\"([^\"]+)\">([^<]+)</a>")]
    private static partial Regex NavLink();
}
