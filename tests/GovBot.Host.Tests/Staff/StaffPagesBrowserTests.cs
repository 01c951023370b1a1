using GovBot.Data.Seeding;
using GovBot.Host.Tests.EndToEnd;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GovBot.Host.Tests.Staff;

/// <summary>
/// The staff pages in Debian's Chromium, driven by Playwright (never downloading a browser): signing in both ways,
/// the dashboard's charts with the demo county's numbers, closing a report from the page and adding a service slot.
/// Screenshots of the dashboard and the services page are kept under the test output folder, in TestResults/screenshots.
/// </summary>
public sealed class StaffPagesBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";
    private static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    private static async Task<(IPlaywright, IBrowser)> BrowserAsync()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing; run scripts/prerequisites.sh (apt-get install chromium).");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true });
        SetDefaultExpectTimeout(15_000);
        return (playwright, browser);
    }

    [Fact]
    public async Task The_county_admin_signs_in_with_a_password_and_sees_a_new_report_in_the_charts()
    {
        await using var host = await StaffHost.StartAsync();
        await host.FileAsync(DemoUsers.Resident, "飞线充电", "3号楼有人从窗户拉电线给电动车充电");
        await host.FileAsync("fengjianguo", "飞线充电", "2号楼门口有人拉电线充电");
        var (playwright, browser) = await BrowserAsync();
        using (playwright)
        await using (browser)
        {
            var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
            page.SetDefaultTimeout(15_000);
            await page.GotoAsync(new Uri(host.BaseAddress, "/staff").ToString());
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/staff/login"));
            await page.FillAsync("#userName", DemoUsers.CountyAdmin);
            await page.FillAsync("#password", StaffHost.AdminPassword);
            await page.ClickAsync("#login");

            await Expect(page.Locator("h1")).ToHaveTextAsync("概览");
            await Expect(page.Locator("#kpi-reports b")).ToHaveTextAsync("2");
            var bar = page.Locator("#chart-category g.bar[data-label='飞线充电']");
            await Expect(bar).ToHaveAttributeAsync("data-value", "2");
            await Expect(page.Locator("#chart-status g.bar[data-label='已上报']")).ToHaveAttributeAsync("data-value", "2");
            await Expect(page.Locator("#chart-grid g.bar")).ToHaveCountAsync(2);
            Assert.True(await page.Locator("#chart-category rect").First.EvaluateAsync<double>("r => r.getBBox().width") > 10);
            await Expect(page.Locator("#chart-checkins g.bar")).ToHaveCountAsync(3);
            await Expect(page.Locator("#chart-checkin-units g.bar").First).ToBeVisibleAsync();
            await Expect(page.Locator("#chart-bookings")).ToBeVisibleAsync();

            Directory.CreateDirectory(Screenshots);
            await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "dashboard-desktop.png"), FullPage = true });
            await page.SetViewportSizeAsync(390, 844);
            await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "dashboard-phone.png"), FullPage = true });
            Assert.True(new FileInfo(Path.Combine(Screenshots, "dashboard-phone.png")).Length > 1000);
        }
    }

    [Fact]
    public async Task The_secretary_signs_in_through_WeCom_closes_a_report_and_the_resident_gets_the_push()
    {
        await using var host = await StaffHost.StartAsync();
        Assert.Contains("已上报", await host.Bot.SayAsync(DemoUsers.Resident, "3号楼有人从窗户拉电线给电动车充电") + await host.Bot.SayAsync(DemoUsers.Resident, "是"));
        var theirs = await host.FileAsync("fengjianguo", "飞线充电", "2号楼门口有人拉电线充电");
        var (playwright, browser) = await BrowserAsync();
        using (playwright)
        await using (browser)
        {
            var page = await browser.NewPageAsync();
            page.SetDefaultTimeout(15_000);
            await page.GotoAsync(new Uri(host.BaseAddress, "/staff/login").ToString());
            await page.ClickAsync("#wecom");
            await page.ClickAsync($"#pick-{DemoUsers.Secretary}");
            await Expect(page.Locator("nav .who")).ToHaveTextAsync("李红梅");
            await Expect(page.Locator("#kpi-reports b")).ToHaveTextAsync("1");

            await page.ClickAsync("nav a[href='/staff/reports']");
            await page.ClickAsync("#reports a:text-is('S1001')");
            await Expect(page.Locator("#status")).ToHaveTextAsync("已上报");
            await page.ClickAsync("#accept");
            await Expect(page.Locator("#status")).ToHaveTextAsync("已受理");
            await page.FillAsync("#result", "电线已拆除，已提醒业主到充电桩充电");
            await page.ClickAsync("#handle");
            await Expect(page.Locator("#status")).ToHaveTextAsync("已办结");
            await Expect(page.Locator("#history")).ToContainTextAsync("电线已拆除");

            await BotHost.EventuallyAsync(() => Task.FromResult(host.Bot.PushedTextsTo(DemoUsers.Resident).Any(t => t.Contains("S1001 已办结") && t.Contains("电线已拆除"))),
                because: "张丽 did not get the rating card.");

            var refused = await page.GotoAsync(new Uri(host.BaseAddress, $"/staff/reports/{theirs.Id}").ToString());
            Assert.Equal(403, refused!.Status);
            await Expect(page.Locator("main")).Not.ToContainTextAsync("13803510024");
        }
    }

    [Fact]
    public async Task The_secretary_adds_a_slot_on_the_services_page_and_sees_it_listed()
    {
        await using var host = await StaffHost.StartAsync();
        var (playwright, browser) = await BrowserAsync();
        using (playwright)
        await using (browser)
        {
            var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
            page.SetDefaultTimeout(15_000);
            await page.GotoAsync(new Uri(host.BaseAddress, "/staff/login").ToString());
            await page.ClickAsync("#wecom");
            await page.ClickAsync($"#pick-{DemoUsers.Secretary}");
            await page.ClickAsync("nav a[href='/staff/services']");
            await Expect(page.Locator("h1")).ToHaveTextAsync("志愿服务");

            var form = page.Locator("form.add-slot", new() { HasText = "给理发加时段" });
            await form.Locator("input[name=start]").FillAsync(StaffServicesPageTests.At(4, 14));
            await form.Locator("input[name=end]").FillAsync(StaffServicesPageTests.At(4, 15));
            await form.Locator("input[name=capacity]").FillAsync("5");
            await form.Locator("button").ClickAsync();

            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/staff/services$"));
            var row = page.Locator("tr[data-slot]", new() { HasText = "14:00–15:00" });
            await Expect(row.Locator(".capacity")).ToHaveTextAsync("5");
            await Expect(row.Locator(".booked")).ToHaveTextAsync("0");
            Assert.True(await host.Bot.WithDbAsync(db => db.ServiceSlots.AnyAsync(s => s.Item!.Name == "理发" && s.Capacity == 5)));

            Directory.CreateDirectory(Screenshots);
            await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "services-desktop.png"), FullPage = true });
            await page.SetViewportSizeAsync(390, 844);
            await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "services-phone.png"), FullPage = true });
        }
    }
}
