using GovBot.Emulator;
using GovBot.Host.Tests.EndToEnd;
using GovBot.Host.Tests.Staff;
using GovBot.Host.Tests.WeCom;

namespace GovBot.Host.Tests.Conversations;

/// <summary>Plays a story against a fresh host through the real callback path and checks every bot line.</summary>
public static class StoryRunner
{
    private static readonly TimeSpan PushWait = TimeSpan.FromSeconds(30);

    public static async Task RunAsync(StoryScript story)
    {
        // A stand-in of the runner's own, so that staff in a story can sign in to the pages through it.
        await using var standIn = await WeComApiStandIn.StartAsync(new WeComStandInOptions { CorpId = WeComSample.CorpId });
        await using var bot = await BotHost.StartAsync(standIn, settings: StaffHost.OAuthSettings(standIn), now: story.Now);
        string? lastUser = null;
        var reply = "";
        var mark = 0;
        foreach (var step in story.Steps)
        {
            switch (step)
            {
                case UserSays says:
                    lastUser = says.User;
                    mark = bot.StandIn.Calls.Count;
                    reply = await SendAsync(bot, says, story);
                    break;
                case PushedTo pushed:
                    var since = mark;
                    var target = pushed.User;
                    await BotHost.EventuallyAsync(
                        () => Task.FromResult(PushesSince(bot, target, since).Any(t => t.Contains(pushed.Phrase, StringComparison.Ordinal))),
                        PushWait,
                        $"{story.File}:{pushed.Line} 「{story.Title}」: no push to {target} containing 「{pushed.Phrase}」; got:\n"
                        + string.Join("\n---\n", PushesSince(bot, target, since)));
                    break;
                case StaffLabels labels:
                    await StaffLearning.LabelAsync(bot, standIn, labels, story);
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

    private static IEnumerable<string> PushesSince(BotHost bot, string user, int sinceCall) =>
        bot.StandIn.Calls.Skip(sinceCall).Where(c => c.Endpoint == "message/send" && c.Recipients.Contains(user)).Select(BotHost.PushText);

    /// <summary>Taps the button with this text on the newest card the user got, as a member's phone would.</summary>
    private static Task<CallbackAnswer> TapAsync(BotHost bot, string user, string text, StoryScript story, int line)
    {
        foreach (var call in bot.StandIn.CallsTo("message/send").Reverse())
        {
            if (call.MsgType != "template_card" || !call.Recipients.Contains(user)) continue;
            var card = call.Body.GetProperty("template_card");
            foreach (var button in card.GetProperty("button_list").EnumerateArray())
                if (button.GetProperty("text").GetString() == text)
                    return bot.WeCom.TapButtonAsync(user, button.GetProperty("key").GetString()!,
                        card.GetProperty("task_id").GetString()!, call.ResponseCode ?? "");
        }
        throw new InvalidOperationException($"{story.File}:{line}: {user} got no card with a 「{text}」 button.");
    }

    /// <summary>The passive answer plus anything pushed to the sender because of this message.</summary>
    private static Task<string> SendAsync(BotHost bot, UserSays says, StoryScript story) =>
        bot.ReplyToAsync(says.User, () => says.Text switch
        {
            "[图片]" => bot.WeCom.SendImageAsync(says.User, "media-" + Guid.NewGuid().ToString("N")[..12], "https://example.invalid/p.jpg"),
            ['[', '位', '置', ' ', .. var label, ']'] => bot.WeCom.SendLocationAsync(says.User, 37.6072, 112.3596, label),
            ['[', .. var button, ']'] => TapAsync(bot, says.User, button, story, says.Line),
            _ => bot.WeCom.SendTextAsync(says.User, says.Text),
        }, PushWait, settle: true);
}
