using GovBot.Data.Seeding;

namespace GovBot.Host.Tests.EndToEnd;

public sealed class FloodTests
{
    [Fact]
    public async Task A_flood_gets_one_polite_notice_instead_of_a_reply_to_every_message()
    {
        await using var bot = await BotHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Conversation:RateLimit:MessagesPerMinute"] = "5",
        });

        var answers = new List<string?>();
        for (var i = 0; i < 9; i++) answers.Add((await bot.WeCom.SendTextAsync(DemoUsers.Resident, "你好")).PassiveReply);

        Assert.All(answers.Take(5), a => Assert.Contains("社区小助手", a));
        Assert.Contains("发得太快", answers[5]);
        Assert.All(answers.Skip(6), Assert.Null);
    }
}
