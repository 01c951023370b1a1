using System.Net;
using GovBot.Data.Reports;
using GovBot.Data.Seeding;
using GovBot.Host.Tests.EndToEnd;
using GovBot.Host.Tests.WeCom;
using GovBot.Host.WeCom.Xml;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Host.Tests.Hardening;

/// <summary>A grid worker clears a pile of new reports by tapping 受理 on card after card, several in one second.</summary>
public sealed class SameSecondTapTests
{
    [Fact]
    public async Task Taps_on_many_cards_within_one_second_are_all_taken_and_a_redelivery_still_counts_once()
    {
        await using var bot = await BotHost.StartAsync();
        string[] problems = ["3号楼有人从窗户拉电线给电动车充电", "5号楼门口的路灯坏了，晚上黑漆漆的", "2号楼下面的垃圾好几天没人收了"];
        foreach (var problem in problems)
        {
            Assert.Contains("是", await bot.SayAsync(DemoUsers.Resident, problem));
            Assert.Contains("已上报", await bot.SayAsync(DemoUsers.Resident, "是"));
        }
        await BotHost.EventuallyAsync(() => Task.FromResult(Cards(bot).Count >= problems.Length), because: "the grid worker got no cards");

        // WeCom stamps events with whole seconds: every tap here carries the same CreateTime.
        var second = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var taps = Cards(bot).Select(c => WeComInboundXml.TemplateCardEvent(WeComSample.CorpId, DemoUsers.GridWorker, second,
            c.Key, c.TaskId, "button_interaction", c.ResponseCode, bot.StandIn.Options.AgentId.ToString())).ToList();
        foreach (var tap in taps) Assert.Equal(HttpStatusCode.OK, (await bot.WeCom.PostAsync(tap)).Status);
        // WeCom repeating the last tap (same XML) is the same tap, not a fourth.
        Assert.Equal(HttpStatusCode.OK, (await bot.WeCom.PostAsync(taps[^1])).Status);

        await BotHost.EventuallyAsync(async () => await bot.WithDbAsync(db => db.Reports.CountAsync(r => r.Status == ReportStatus.Accepted)) == problems.Length,
            TimeSpan.FromSeconds(20), "not every tapped report was accepted");
        Assert.Equal(taps.Count, await bot.WithDbAsync(db => db.Inbox.CountAsync(m => m.UserId == DemoUsers.GridWorker)));
        await BotHost.EventuallyAsync(() => Task.FromResult(bot.PushedTextsTo(DemoUsers.Resident).Count(t => t.Contains("已受理")) == problems.Length),
            TimeSpan.FromSeconds(20), "the resident did not hear of every acceptance");
    }

    private static List<(string Key, string TaskId, string ResponseCode)> Cards(BotHost bot) =>
        [.. bot.StandIn.CallsTo("message/send")
            .Where(c => c.MsgType == "template_card" && c.Recipients.Contains(DemoUsers.GridWorker))
            .Select(c => (Call: c, Card: c.Body.GetProperty("template_card")))
            .SelectMany(x => x.Card.GetProperty("button_list").EnumerateArray()
                .Where(b => b.GetProperty("text").GetString() == "受理")
                .Select(b => (b.GetProperty("key").GetString()!, x.Card.GetProperty("task_id").GetString()!, x.Call.ResponseCode ?? "")))];
}
