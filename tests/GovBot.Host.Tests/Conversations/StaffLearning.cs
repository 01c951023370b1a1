using System.Net;
using System.Text.RegularExpressions;
using GovBot.Emulator;
using GovBot.Host.Tests.EndToEnd;
using GovBot.Host.Tests.Staff;
using GovBot.Skills.Nlu;
using Microsoft.Extensions.DependencyInjection;

namespace GovBot.Host.Tests.Conversations;

/// <summary>A story's staff step: 「待学习」 opened as that staff member, the message's button tapped, the label read in.</summary>
public static partial class StaffLearning
{
    public static async Task LabelAsync(BotHost bot, WeComApiStandIn standIn, StaffLabels step, StoryScript story)
    {
        var where = $"{story.File}:{step.Line} 「{story.Title}」";
        var (staff, signIn) = await StaffHost.WeComSignInAsync(bot, standIn, step.Staff);
        signIn.Dispose();
        using (staff)
        {
            var page = await staff.GetStringAsync("/staff/learn");
            var row = MissedRow().Matches(page).FirstOrDefault(m => WebUtility.HtmlDecode(m.Groups["text"].Value) == step.Text);
            Assert.True(row is not null, $"{where}: 「{step.Text}」 is not on {step.Staff}'s 待学习 list.");
            var button = Button().Matches(row.Value).FirstOrDefault(b => WebUtility.HtmlDecode(b.Groups["label"].Value) == step.Button);
            Assert.True(button is not null, $"{where}: no 「{step.Button}」 button beside 「{step.Text}」.");
            using var form = new FormUrlEncodedContent([KeyValuePair.Create(button.Groups["name"].Value, WebUtility.HtmlDecode(button.Groups["value"].Value))]);
            using var answer = await staff.PostAsync($"/staff/learn/{row.Groups["id"].Value}/label", form);
            Assert.True(answer.Headers.Location?.ToString() == "/staff/learn", $"{where}: the label was not taken ({(int)answer.StatusCode}).");
        }
        // The page promises the words are understood from now on: the label is read into the router in the background,
        // moments after the tap, and the story's next line must meet a bot that has read it.
        var learned = bot.Services.GetRequiredService<LearnedLanguage>();
        await BotHost.EventuallyAsync(() => Task.FromResult(learned.Find(step.Text) is not null),
            because: $"{where}: the label was not read into the router.");
    }

    [GeneratedRegex("<tr id=\"missed-(?<id>\\d+)\"><td[^>]*>[^<]*</td><td>(?<text>[^<]*)</td>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex MissedRow();

    [GeneratedRegex("<button name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\">(?<label>[^<]*)</button>")]
    private static partial Regex Button();
}
