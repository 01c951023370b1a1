using GovBot.Emulator;
using GovBot.Host.Tests.EndToEnd;

namespace GovBot.Host.Tests.CustomerService;

/// <summary>
/// A resident with only WeChat does what a WeChat Work member does, through the real callback and kf/sync_msg:
/// registers where they live, files a report, follows it, rates it from a menu, and books a service.
/// </summary>
public sealed class CustomerServiceResidentTests
{
    private const string Aunt = "wmAuntWang01";

    [Fact]
    public async Task A_WeChat_user_files_a_report_follows_it_rates_it_and_books_a_haircut()
    {
        await using var bot = await BotHost.StartAsync();
        var chat = new WeChatChat(bot);

        Assert.Contains("您住在哪个社区", await chat.SayAsync(Aunt, "楼道灯坏了好几天了，上下楼摸黑"));
        Assert.Contains("楼栋：2号楼", await chat.SayAsync(Aunt, "我住清华苑一期2号楼"));
        Assert.Contains("接着办您刚才说的事", await chat.SayAsync(Aunt, "是"));
        Assert.Contains("位置：2号楼", await chat.SayAsync(Aunt, "就我住的2号楼"));
        Assert.Contains("S1001", await chat.SayAsync(Aunt, "是"));
        Assert.Contains("等待受理", await chat.SayAsync(Aunt, "查进度"));

        // The grid worker handles it in WeChat Work, as today.
        await bot.ReplyToAsync("wangjianjun", () => TapCardAsync(bot, "wangjianjun", "受理"), settle: true);
        await bot.ReplyToAsync("wangjianjun", () => TapCardAsync(bot, "wangjianjun", "办结"), settle: true);
        await bot.ReplyToAsync("wangjianjun", () => bot.WeCom.SendTextAsync("wangjianjun", "楼道灯已换新"), settle: true);
        await BotHost.EventuallyAsync(() => Task.FromResult(chat.Sent(Aunt).Any(c => WeComApiStandIn.KfText(c).Contains("已办结"))),
            because: "The resident heard nothing of the finished report.");

        // WeChat shows no cards: the rating came as a menu, and tapping 满意 is the button's tap.
        Assert.Contains("谢谢您的评价", await chat.TapAsync(Aunt, "满意"));
        Assert.Contains("已评价", await chat.SayAsync(Aunt, "查进度 S1001"));

        Assert.Contains("上午9:00–10:00", await chat.SayAsync(Aunt, "预约理发"));
        Assert.Contains("请确认预约", await chat.TapAsync(Aunt, "上午9:00–10:00"));
        var booked = await chat.SayAsync(Aunt, "是");
        Assert.Contains("预约成功", booked);
        Assert.Contains("Y1001", booked);
        // Everything went to the resident through the customer-service account, none through the app.
        Assert.Empty(bot.PushedTextsTo(WeChatChat.Identity(Aunt)));
    }

    [Fact]
    public async Task Tapping_a_menu_item_is_the_same_as_typing_its_words()
    {
        await using var bot = await BotHost.StartAsync();
        var chat = new WeChatChat(bot);
        await chat.SayAsync("wmTapper01", "楼道灯坏了好几天了");
        await chat.SayAsync("wmTyper01", "楼道灯坏了好几天了");
        var menu = chat.Sent("wmTapper01").Last(c => c.MsgType == "msgmenu");
        var (_, words) = WeComApiStandIn.KfMenuItems(menu)[0];

        var tapped = await chat.TapAsync("wmTapper01", words);
        var typed = await chat.SayAsync("wmTyper01", words);

        Assert.Equal(typed, tapped);
        Assert.Contains("小区", tapped);
    }

    internal static Task<CallbackAnswer> TapCardAsync(BotHost bot, string user, string text)
    {
        foreach (var call in bot.StandIn.CallsTo("message/send").Reverse())
        {
            if (call.MsgType != "template_card" || !call.Recipients.Contains(user)) continue;
            var card = call.Body.GetProperty("template_card");
            foreach (var button in card.GetProperty("button_list").EnumerateArray())
                if (button.GetProperty("text").GetString() == text)
                    return bot.WeCom.TapButtonAsync(user, button.GetProperty("key").GetString()!, card.GetProperty("task_id").GetString()!, call.ResponseCode ?? "");
        }
        throw new InvalidOperationException($"{user} got no card with a 「{text}」 button.");
    }
}
