namespace GovBot.Host.Tests.Conversations;

/// <summary>One line of a story: a user says something, or the bot's answer must (not) contain a phrase.</summary>
public abstract record StoryStep(int Line);

public sealed record UserSays(int Line, string User, string Text) : StoryStep(Line);

public sealed record BotSays(int Line, string Phrase, bool Negated) : StoryStep(Line);

/// <summary>A push to someone other than the sender must arrive and contain the phrase: <c>&lt;@user phrase</c>.</summary>
public sealed record PushedTo(int Line, string User, string Phrase) : StoryStep(Line);

/// <summary>
/// A staff member signs in, finds the text on 「待学习」 and taps the button with that label, and the bot has read the
/// label before the story goes on: <c>= staff: text → 按钮</c>.
/// </summary>
public sealed record StaffLabels(int Line, string Staff, string Text, string Button) : StoryStep(Line);

/// <summary>
/// A conversation written the way a product person would, in the spirit of Rasa's test stories:
/// <c>## title</c>, then <c>&gt; user: text</c> for what a user sends and <c>&lt; phrase</c> (or <c>&lt;! phrase</c>)
/// for what the bot's reply to that user must (not) contain, and <c>&lt;@user phrase</c> for a push someone else gets.
/// A user line of <c>[按钮文字]</c> taps that button on the newest card the user got; <c>[图片]</c> sends a photo and
/// <c>[位置 标签]</c> a location. <c>@ now 2026-12-02 10:00</c> (China time) runs the host's clock from that instant, for
/// answers that depend on the day (这周末, 下周, 礼拜天开门不); before the first story it sets every story of the file.
/// <c>= staff: text → 按钮</c> has a staff member label a missed message on 「待学习」 (/staff/learn).
/// </summary>
public sealed record StoryScript(string File, string Title, IReadOnlyList<StoryStep> Steps, DateTimeOffset? Now = null)
{
    public override string ToString() => Title;

    public static IReadOnlyList<StoryScript> Load(string path)
    {
        var stories = new List<StoryScript>();
        string? title = null;
        var steps = new List<StoryStep>();
        DateTimeOffset? fileNow = null, storyNow = null;
        var lines = System.IO.File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                if (title is not null) stories.Add(new StoryScript(Path.GetFileName(path), title, steps, storyNow));
                title = line[3..].Trim();
                steps = [];
                storyNow = fileNow;
            }
            else if (line.StartsWith("@ now ", StringComparison.Ordinal))
            {
                if (!DateTime.TryParseExact(line[6..].Trim(), "yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture,
                        System.Globalization.DateTimeStyles.None, out var local))
                    throw new FormatException($"{path}:{i + 1}: expected '@ now yyyy-MM-dd HH:mm' (China time).");
                var at = new DateTimeOffset(local, TimeSpan.FromHours(8));
                if (title is null) fileNow = at;
                storyNow = at;
            }
            else if (line.StartsWith('>'))
            {
                var colon = line.IndexOf(':');
                if (colon < 0) throw new FormatException($"{path}:{i + 1}: expected '> user: text'.");
                steps.Add(new UserSays(i + 1, line[1..colon].Trim(), line[(colon + 1)..].Trim()));
            }
            else if (line.StartsWith('='))
            {
                var colon = line.IndexOf(':');
                var arrow = line.IndexOf('→');
                if (colon < 0 || arrow < colon) throw new FormatException($"{path}:{i + 1}: expected '= staff: text → 按钮'.");
                steps.Add(new StaffLabels(i + 1, line[1..colon].Trim(), line[(colon + 1)..arrow].Trim(), line[(arrow + 1)..].Trim()));
            }
            else if (line.StartsWith("<@", StringComparison.Ordinal))
            {
                var space = line.IndexOf(' ');
                if (space < 0) throw new FormatException($"{path}:{i + 1}: expected '<@user phrase'.");
                steps.Add(new PushedTo(i + 1, line[2..space], line[(space + 1)..].Trim()));
            }
            else if (line.StartsWith("<!", StringComparison.Ordinal))
                steps.Add(new BotSays(i + 1, line[2..].Trim(), Negated: true));
            else if (line.StartsWith('<'))
                steps.Add(new BotSays(i + 1, line[1..].Trim(), Negated: false));
        }
        if (title is not null) stories.Add(new StoryScript(Path.GetFileName(path), title, steps, storyNow));
        return stories;
    }
}
