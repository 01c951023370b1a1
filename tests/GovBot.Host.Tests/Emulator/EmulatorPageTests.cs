using GovBot.Data.Seeding;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GovBot.Host.Tests.Emulator;

/// <summary>
/// The /emulator page in a real browser: Debian's Chromium (installed by scripts/prerequisites.sh), driven by
/// Playwright, which is told where it is and so never downloads one.
/// </summary>
public sealed class EmulatorPageTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task A_person_chats_as_Zhang_Li_then_as_the_grid_worker_who_taps_the_card()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing; run scripts/prerequisites.sh (apt-get install chromium).");
        await using var host = await EmulatorHost.StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true });
        var page = await browser.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        SetDefaultExpectTimeout(15_000);

        await page.GotoAsync(new Uri(host.BaseAddress, "emulator").ToString());
        await Expect(page.Locator("#user option[value=zhangli]")).ToHaveTextAsync("张丽（居民·清华苑一期3号楼）");
        await page.SelectOptionAsync("#user", DemoUsers.Resident);

        await page.FillAsync("#text", "菜单");
        await page.ClickAsync("#send");
        await Expect(page.Locator(".row.me .bubble", new() { HasText = "菜单" })).ToBeVisibleAsync();
        await Expect(page.Locator(".row.bot .bubble", new() { HasText = "我是社区小助手" })).ToBeVisibleAsync();

        await page.FillAsync("#text", "3号楼有人从窗户拉电线给电动车充电");
        await page.PressAsync("#text", "Enter");
        await Expect(page.Locator(".row.bot .bubble", new() { HasText = "类别：飞线充电" })).ToBeVisibleAsync();
        await page.ClickAsync("#chips button:text-is('是')");
        await Expect(page.Locator(".row.bot .bubble", new() { HasText = "已上报" })).ToBeVisibleAsync();

        // The grid worker got a card meanwhile: the picker marks him as having news.
        await Expect(page.Locator("#user option[value=wangjianjun]")).ToHaveTextAsync("● 王建军（网格员·清华苑网格）");
        await page.SelectOptionAsync("#user", DemoUsers.GridWorker);
        await Expect(page.Locator("#user option[value=wangjianjun]")).ToHaveTextAsync("王建军（网格员·清华苑网格）");
        var card = page.Locator(".card", new() { HasText = "居民反映 S1001" });
        await Expect(card).ToBeVisibleAsync();
        await card.Locator("button", new() { HasText = "受理" }).ClickAsync();
        await Expect(card.Locator(".done")).ToHaveTextAsync("王建军已受理");
        await Expect(card.Locator("button")).ToHaveCountAsync(0);
        await Expect(page.Locator(".row.bot .bubble", new() { HasText = "已受理 S1001" })).ToBeVisibleAsync();

        await page.SelectOptionAsync("#user", DemoUsers.Resident);
        await Expect(page.Locator(".row.bot .bubble", new() { HasText = "网格员王建军已受理" })).ToBeVisibleAsync();
    }
}
