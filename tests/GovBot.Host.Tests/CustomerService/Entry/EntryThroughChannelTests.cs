using GovBot.Data.CustomerService;
using GovBot.Data.Seeding;
using GovBot.Emulator;
using GovBot.Host.Tests.EndToEnd;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Host.Tests.CustomerService.Entry;

/// <summary>
/// The done-criterion, end to end through the real customer-service path (the stand-in's kf_msg_or_event
/// callback, the host's kf/sync_msg pull and kf/send_msg): a WeChat user scans their grid's code, is onboarded within
/// that grid, files a report, follows it, rates it, books a service, is handed to their grid worker by
/// service_state/trans, the worker ends the session and the bot answers again.
/// </summary>
public sealed class EntryThroughChannelTests
{
    private const string WeChatUser = "wmWeChatOnly0001";

    /// <summary>A Wednesday morning, China time: grid hours, so the handoff goes to the grid worker.</summary>
    private static readonly DateTimeOffset Morning = new(2026, 12, 2, 10, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task A_WeChat_resident_scans_the_grid_code_reports_rates_books_is_handed_to_the_grid_worker_and_the_bot_answers_again()
    {
        await using var bot = await BotHost.StartAsync(settings: EntryLinksPageTests.Settings, now: Morning);
        bot.StandIn.AddCustomerServiceServicers(DemoUsers.GridWorker);
        var grid = await EntryObserverTests.PickGridAsync(bot);
        var link = await EntryObserverTests.MakeLinkAsync(bot, grid.CommunityId, grid.Id);
        var chat = new WeChatChat(bot, EntryLinksPageTests.OpenKfId);

        // Scanning the printed code: WeCom opens the link's account and sends enter_session with the link's scene.
        await chat.User.ScanAsync(WeChatUser, link.Url);
        await BotHost.EventuallyAsync(() => bot.WithDbAsync(db => db.ExternalUsers.AnyAsync(e => e.ExternalUserId == WeChatUser && e.EntryScene == link.Scene)),
            because: "enter_session with the grid's scene was not taken in.");
        await bot.SettledAsync();

        // The first message is a report; onboarding asks only for the compounds of the scanned grid (a menu on WeChat).
        var asked = await chat.SayAsync(WeChatUser, "楼道灯坏了好几天了，上下楼摸黑");
        Assert.DoesNotContain("哪个社区", asked, StringComparison.Ordinal);
        foreach (var compound in grid.Compounds) Assert.Contains(compound, asked, StringComparison.Ordinal);
        foreach (var compound in grid.OtherCompounds) Assert.DoesNotContain(compound, asked, StringComparison.Ordinal);
        Assert.Contains("清华苑一期", grid.Compounds);
        Assert.Contains("楼栋：2号楼", await chat.SayAsync(WeChatUser, "我住清华苑一期2号楼"));
        Assert.Contains("接着办您刚才说的事", await chat.SayAsync(WeChatUser, "是"));
        Assert.Contains("位置：2号楼", await chat.SayAsync(WeChatUser, "就我住的2号楼"));
        Assert.Contains("S1001", await chat.SayAsync(WeChatUser, "是"));
        Assert.Equal(grid.Id, await bot.WithDbAsync(db => db.Reports.AsNoTracking().OrderByDescending(r => r.Id).Select(r => r.GridId).FirstAsync()));
        Assert.Contains("等待受理", await chat.SayAsync(WeChatUser, "查进度"));

        // The grid worker handles it in WeChat Work; the resident hears it is done and rates it from a menu.
        await bot.ReplyToAsync(DemoUsers.GridWorker, () => CustomerServiceResidentTests.TapCardAsync(bot, DemoUsers.GridWorker, "受理"), settle: true);
        await bot.ReplyToAsync(DemoUsers.GridWorker, () => CustomerServiceResidentTests.TapCardAsync(bot, DemoUsers.GridWorker, "办结"), settle: true);
        await bot.ReplyToAsync(DemoUsers.GridWorker, () => bot.WeCom.SendTextAsync(DemoUsers.GridWorker, "楼道灯已换新"), settle: true);
        await BotHost.EventuallyAsync(() => Task.FromResult(chat.Sent(WeChatUser).Any(c => WeComApiStandIn.KfText(c).Contains("已办结", StringComparison.Ordinal))),
            because: "The resident heard nothing of the finished report.");
        Assert.Contains("谢谢您的评价", await chat.TapAsync(WeChatUser, "满意"));

        // A service booked from the menus.
        Assert.Contains("上午9:00–10:00", await chat.SayAsync(WeChatUser, "预约理发"));
        Assert.Contains("请确认预约", await chat.TapAsync(WeChatUser, "上午9:00–10:00"));
        Assert.Contains("预约成功", await chat.SayAsync(WeChatUser, "是"));

        // 转人工: the grid worker is put on the session by service_state/trans.
        var handed = await chat.SayAsync(WeChatUser, "找个真人问问我家暖气的事");
        Assert.Contains("王建军", handed, StringComparison.Ordinal);
        var session = bot.StandIn.SessionOf(EntryLinksPageTests.OpenKfId, WeChatUser);
        Assert.Equal((3, DemoUsers.GridWorker), (session.State, session.ServicerUserId));
        Assert.Equal(CustomerServiceState.Servicer,
            await bot.WithDbAsync(db => db.ExternalUsers.Where(e => e.ExternalUserId == WeChatUser).Select(e => e.SessionState).SingleAsync()));

        // While the worker has it, the bot keeps quiet.
        var before = chat.Sent(WeChatUser).Count;
        await chat.User.WriteAsync(WeChatUser, "好的，谢谢", EntryLinksPageTests.OpenKfId);
        await bot.SettledAsync();
        await BotHost.ConsistentlyAsync(() => chat.Sent(WeChatUser).Count == before, because: "The bot answered while the grid worker had the session.");

        // 王建军 ends the session in WeCom: session_status_change 3 through the callback and the pull.
        Assert.NotNull(await chat.User.ServicerEndsAsync(WeChatUser, EntryLinksPageTests.OpenKfId));
        await BotHost.EventuallyAsync(() => bot.WithDbAsync(db =>
            db.ExternalUsers.AnyAsync(e => e.ExternalUserId == WeChatUser && e.SessionState == CustomerServiceState.Assistant)),
            because: "The ended session did not go back to the bot.");
        await bot.SettledAsync();

        // The bot answers again.
        Assert.NotEmpty(await chat.SayAsync(WeChatUser, "菜单"));
    }
}
