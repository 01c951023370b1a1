using GovBot.Host.Tests.EndToEnd;

namespace GovBot.Host.Tests.Conversations;

/// <summary>Plays a story against a fresh host through the real callback path and checks every bot line.</summary>
public static class StoryRunner
{
    private static readonly TimeSpan PushWait = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(300);

    public static async Task RunAsync(StoryScript story)
    {
        await using var bot = await BotHost.StartAsync();
        string? lastUser = null;
        var reply = "";
        foreach (var step in story.Steps)
        {
            switch (step)
            {
                case UserSays says:
                    lastUser = says.User;
                    reply = await SendAsync(bot, says);
                    break;
                case BotSays expected when lastUser is null:
                    throw new FormatException($"{story.File}:{expected.Line}: a bot line before anyone spoke.");
                case BotSays { Negated: false } expected:
                    Assert.True(reply.Contains(expected.Phrase, StringComparison.Ordinal),
                        $"{story.File}:{expected.Line} 「{story.Title}」: expected the reply to contain 「{expected.Phrase}」 but it was:\n{reply}");
                    break;
                case BotSays expected:
                    Assert.False(reply.Contains(expected.Phrase, StringComparison.Ordinal),
                        $"{story.File}:{expected.Line} 「{story.Title}」: the reply must not contain 「{expected.Phrase}」 but it was:\n{reply}");
                    break;
            }
        }
    }

    /// <summary>The passive answer plus anything pushed to the sender because of this message.</summary>
    private static async Task<string> SendAsync(BotHost bot, UserSays says)
    {
        var pushedBefore = bot.PushedTextsTo(says.User).Count;
        var answer = await bot.WeCom.SendTextAsync(says.User, says.Text);
        if (answer.PassiveReply is null)
            await BotHost.EventuallyAsync(() => Task.FromResult(bot.PushedTextsTo(says.User).Count > pushedBefore), PushWait,
                $"No reply reached {says.User} after 「{says.Text}」.");
        await Task.Delay(Settle);
        var pushes = bot.PushedTextsTo(says.User).Skip(pushedBefore);
        return string.Join("\n", new[] { answer.PassiveReply }.Concat(pushes).OfType<string>());
    }
}
