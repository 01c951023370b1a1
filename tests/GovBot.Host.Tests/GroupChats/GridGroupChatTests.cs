using System.Net;
using System.Text.RegularExpressions;
using GovBot.Data.Messaging;
using GovBot.Data.Seeding;
using GovBot.Emulator;
using GovBot.Host.Tests.EndToEnd;
using GovBot.Host.Tests.Staff;
using GovBot.Host.WeCom.Api;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Host.Tests.GroupChats;

/// <summary>
/// A grid's group chat through the real host and the stand-in: staff create it (appchat/create) and send it an
/// announcement that goes through the outbox (appchat/send), once, retried when WeCom fails it for now.
/// </summary>
public sealed partial class GridGroupChatTests
{
    private static async Task<int> GridAsync(StaffHost host, string name) =>
        await host.Bot.WithDbAsync(db => db.Grids.Where(g => g.Name == name).Select(g => g.Id).SingleAsync());

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    /// <summary>Creates 清华苑网格's chat as 赵晓燕 (清泉湖社区) with the secretary chosen; the chat's id.</summary>
    private static async Task<string> CreateChatAsync(StaffHost host, HttpClient staff, int grid)
    {
        var page = await staff.GetStringAsync($"/staff/grids/{grid}");
        var secretary = await host.Bot.WithDbAsync(db => db.People.Where(p => p.WeComUserId == DemoUsers.Secretary).Select(p => p.Id).SingleAsync());
        Assert.Contains($"value=\"{secretary}\"", page);
        using var created = await staff.PostAsync($"/staff/grids/{grid}/chat", Form(("name", "清华苑网格群"), ("members", secretary.ToString())));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Contains("done=chat", created.Headers.Location!.OriginalString);
        var chat = Assert.Single(host.StandIn.AppChats.Values);
        Assert.Contains(DemoUsers.GridWorker, chat.Members);
        Assert.Contains(DemoUsers.Secretary, chat.Members);
        Assert.Equal("清华苑网格群", chat.Name);
        return chat.ChatId;
    }

    private static async Task AnnounceAsync(HttpClient staff, int grid, string text)
    {
        var page = await staff.GetStringAsync($"/staff/grids/{grid}");
        var key = Key().Match(page).Groups[1].Value;
        using var sent = await staff.PostAsync($"/staff/grids/{grid}/announce", Form(("kind", "停水通知"), ("text", text), ("key", key)));
        Assert.Contains("done=", sent.Headers.Location!.OriginalString);
        // The same form sent again (a double tap, a browser's resend): still one announcement.
        using var again = await staff.PostAsync($"/staff/grids/{grid}/announce", Form(("kind", "停水通知"), ("text", text), ("key", key)));
    }

    private static IReadOnlyList<string> ChatTexts(StaffHost host, string chatId) =>
        host.StandIn.CallsTo("appchat/send").Where(c => c.Body.GetProperty("chatid").GetString() == chatId)
            .Select(c => c.Body.GetProperty("text").GetProperty("content").GetString()!).ToList();

    [Fact]
    public async Task An_announcement_reaches_the_grids_group_chat_exactly_once()
    {
        await using var host = await StaffHost.StartAsync();
        var grid = await GridAsync(host, "清华苑网格");
        var (staff, _) = await host.WeComSignInAsync(DemoUsers.Staff);
        using (staff)
        {
            var chatId = await CreateChatAsync(host, staff, grid);
            await AnnounceAsync(staff, grid, "明天8:00-12:00清华苑一期停水检修，请提前储水。");

            await BotHost.EventuallyAsync(() => Task.FromResult(ChatTexts(host, chatId).Count > 0), because: "The announcement did not reach the chat.");
            await BotHost.ConsistentlyAsync(() => ChatTexts(host, chatId).Count == 1, because: "The announcement reached the chat more than once.");
            Assert.Equal("【停水通知】明天8:00-12:00清华苑一期停水检修，请提前储水。", Assert.Single(ChatTexts(host, chatId)));
            Assert.Contains("已发出", await staff.GetStringAsync($"/staff/grids/{grid}"));
        }
    }

    [Fact]
    public async Task A_send_WeCom_fails_for_now_is_retried_and_the_wait_shows_on_the_page()
    {
        await using var host = await StaffHost.StartAsync(new Dictionary<string, string?> { ["WeCom:Outbox:RetryBaseDelay"] = "00:00:00.500" });
        var grid = await GridAsync(host, "清华苑网格");
        var (staff, _) = await host.WeComSignInAsync(DemoUsers.Staff);
        using (staff)
        {
            var chatId = await CreateChatAsync(host, staff, grid);
            host.StandIn.InjectFault(new StandInFault.Refusal(WeComErrors.SystemBusy, "system busy"), count: 2);
            await AnnounceAsync(staff, grid, "本周五下午3点召开联席会议，请各单位准时参加。");

            await BotHost.EventuallyAsync(() => Task.FromResult(ChatTexts(host, chatId).Count > 0), TimeSpan.FromSeconds(60), "The refused announcement was never retried.");
            await BotHost.ConsistentlyAsync(() => ChatTexts(host, chatId).Count == 1);
            var row = await host.Bot.WithDbAsync(db => db.Outbox.SingleAsync(o => o.ChatId == chatId));
            Assert.Equal(OutboxStatus.Sent, row.Status);
            Assert.True(row.Attempts >= 1, "The row shows no failed attempt before it went out.");
        }
    }

    [Fact]
    public async Task A_chat_WeCom_refuses_for_good_shows_the_failure_on_the_page()
    {
        await using var host = await StaffHost.StartAsync();
        var grid = await GridAsync(host, "清华苑网格");
        var (staff, _) = await host.WeComSignInAsync(DemoUsers.Staff);
        using (staff)
        {
            await CreateChatAsync(host, staff, grid);
            host.StandIn.InjectFault(new StandInFault.Refusal(WeComApiStandIn.ChatNotFound, "chatid not found"));
            await AnnounceAsync(staff, grid, "明天停水，请提前储水。");

            await BotHost.EventuallyAsync(() => host.Bot.WithDbAsync(db => db.Outbox.AnyAsync(o => o.ChatId != null && o.Status == OutboxStatus.Failed)));
            Assert.Contains("发送失败", WebUtility.HtmlDecode(await staff.GetStringAsync($"/staff/grids/{grid}")));
        }
    }

    [Fact]
    public async Task Staff_without_rights_to_the_grid_cannot_create_its_chat_or_send_to_it()
    {
        await using var host = await StaffHost.StartAsync();
        var grid = await GridAsync(host, "清华苑网格");
        var (staff, _) = await host.WeComSignInAsync(DemoUsers.Staff);
        using (staff) await CreateChatAsync(host, staff, grid);

        // 吴静 works for 迎新社区; 王建军 is a grid worker, who sends nothing from these pages.
        foreach (var user in new[] { "wujing", DemoUsers.GridWorker })
        {
            var (other, _) = await host.WeComSignInAsync(user);
            using (other)
            {
                using var create = await other.PostAsync($"/staff/grids/{grid}/chat", Form(("name", "另一个群")));
                Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
                using var send = await other.PostAsync($"/staff/grids/{grid}/announce", Form(("kind", "通知"), ("text", "不该发出的通知"), ("key", "k1")));
                Assert.Equal(HttpStatusCode.Forbidden, send.StatusCode);
            }
        }
        await BotHost.ConsistentlyAsync(() => host.StandIn.CallsTo("appchat/send").Count == 0);
        Assert.Single(host.StandIn.AppChats);
    }

    [GeneratedRegex("name=\"key\" value=\"([0-9a-f]+)\"")]
    private static partial Regex Key();
}
