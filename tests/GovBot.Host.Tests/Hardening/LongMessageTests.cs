using System.Text;
using GovBot.Data.Seeding;
using GovBot.Emulator;
using GovBot.Host.Tests.EndToEnd;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Host.Tests.Hardening;

/// <summary>A resident writes a very long account of a problem; WeCom takes at most 2,048 bytes in one text.</summary>
public sealed class LongMessageTests
{
    private const int WeComTextLimitBytes = 2048;

    [Fact]
    public async Task A_5000_character_report_is_stored_whole_and_every_answer_fits_in_a_wecom_text()
    {
        await using var bot = await BotHost.StartAsync();
        const string sentence = "3号楼有人从窗户拉电线给电动车充电，晚上电线就挂在楼道外面，下雨天更危险。";
        var report = new StringBuilder();
        while (report.Length < 5000) report.Append(sentence);
        var text = report.ToString(0, 5000);

        var passives = new List<string?>();
        var summary = await bot.ReplyToAsync(DemoUsers.Resident, async () => Keep(passives, await bot.WeCom.SendTextAsync(DemoUsers.Resident, text)));
        Assert.Contains("飞线充电", summary);
        Assert.Contains("（共5000字）", summary);
        var filed = await bot.ReplyToAsync(DemoUsers.Resident, async () => Keep(passives, await bot.WeCom.SendTextAsync(DemoUsers.Resident, "是")));
        Assert.Contains("已上报", filed);

        Assert.Equal(text, await bot.WithDbAsync(db => db.Reports.Select(r => r.Description).SingleAsync()));
        await BotHost.EventuallyAsync(() => Task.FromResult(bot.PushedTextsTo(DemoUsers.GridWorker).Count > 0), because: "the grid worker got no card");
        Assert.All(passives.OfType<string>(), p => Assert.InRange(Encoding.UTF8.GetByteCount(p), 1, WeComTextLimitBytes));
        Assert.All(bot.StandIn.CallsTo("message/send").Select(BotHost.PushText),
            p => Assert.InRange(Encoding.UTF8.GetByteCount(p), 1, WeComTextLimitBytes));
    }

    [Fact]
    public async Task A_report_longer_than_what_is_kept_says_so_at_the_summary()
    {
        await using var bot = await BotHost.StartAsync();
        var text = string.Concat(Enumerable.Repeat("3号楼有人从窗户拉电线给电动车充电，很危险。", 500));

        var summary = await bot.ReplyToAsync(DemoUsers.Resident, () => bot.WeCom.SendTextAsync(DemoUsers.Resident, text));

        Assert.Contains("只记下了前10000字", summary);
        Assert.Contains("已上报", await bot.SayAsync(DemoUsers.Resident, "是"));
        Assert.Equal(text[..10000], await bot.WithDbAsync(db => db.Reports.Select(r => r.Description).SingleAsync()));
    }

    private static CallbackAnswer Keep(List<string?> passives, CallbackAnswer answer)
    {
        passives.Add(answer.PassiveReply);
        return answer;
    }
}
