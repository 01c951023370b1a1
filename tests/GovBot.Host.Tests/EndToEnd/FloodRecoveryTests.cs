using GovBot.Data.Messaging;
using GovBot.Data.Seeding;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Host.Tests.EndToEnd;

/// <summary>A resident sends a burst of messages, a real report among them, faster than the limit allows.</summary>
public sealed class FloodRecoveryTests
{
    [Fact]
    public async Task Messages_over_the_limit_wait_and_are_all_handled_in_order_once_the_window_passes()
    {
        await using var bot = await BotHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Conversation:RateLimit:MessagesPerMinute"] = "3",
            ["Conversation:RateLimit:Window"] = "00:00:04",
        });
        string[] burst = ["你好", "帮助", "你好", "你好", "你好", "3号楼有人从窗户拉电线给电动车充电", "是"];

        var answers = new List<string?>();
        foreach (var text in burst) answers.Add((await bot.WeCom.SendTextAsync(DemoUsers.Resident, text)).PassiveReply);

        Assert.Contains("发得太快", answers[3]);
        Assert.Single(answers, a => a?.Contains("发得太快") == true);
        // Nothing is dropped: once the window has passed, the waiting messages are handled, the report filed.
        await BotHost.EventuallyAsync(async () => await bot.WithDbAsync(db => db.Inbox.CountAsync(m => m.Status == InboxStatus.Pending)) == 0,
            TimeSpan.FromSeconds(90), "messages over the limit were never handled");
        await BotHost.EventuallyAsync(() => Task.FromResult(bot.PushedTextsTo(DemoUsers.Resident).Any(t => t.Contains("已上报"))),
            TimeSpan.FromSeconds(30), "the report sent inside the flood was lost");

        var rows = await bot.WithDbAsync(db => db.Inbox.OrderBy(m => m.Id).ToListAsync());
        Assert.Equal(burst.Length, rows.Count);
        Assert.All(rows, r => Assert.Equal(InboxStatus.Done, r.Status));
        // In order: each message was handled no earlier than the one before it.
        for (var i = 1; i < rows.Count; i++) Assert.True(rows[i].ProcessedAt >= rows[i - 1].ProcessedAt, $"message {i + 1} was handled before message {i}");
        Assert.Contains("拉电线", await bot.WithDbAsync(db => db.Reports.Select(r => r.Description).SingleAsync()));
        // Every message got its own answer, in the callback or pushed, and no message was answered twice.
        var pushedFor = await bot.WithDbAsync(db => db.Outbox.Where(o => o.InboxMessageId != null).Select(o => o.InboxMessageId!.Value).ToListAsync());
        Assert.All(rows.Where(r => r.PassiveReply is null), r => Assert.Contains(r.Id, pushedFor));
        Assert.Single(bot.PushedTextsTo(DemoUsers.Resident).Concat(answers.OfType<string>()), t => t.Contains("已上报"));
    }
}
