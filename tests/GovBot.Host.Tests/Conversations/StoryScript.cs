namespace GovBot.Host.Tests.Conversations;

/// <summary>One line of a story: a user says something, or the bot's answer must (not) contain a phrase.</summary>
public abstract record StoryStep(int Line);

public sealed record UserSays(int Line, string User, string Text) : StoryStep(Line);

public sealed record BotSays(int Line, string Phrase, bool Negated) : StoryStep(Line);

/// <summary>A push to someone other than the sender must arrive and contain the phrase: <c>&lt;@user phrase</c>.</summary>
public sealed record PushedTo(int Line, string User, string Phrase) : StoryStep(Line);

/// <summary>
/// A conversation written the way a product person would, in the spirit of Rasa's test stories:
/// <c>## title</c>, then <c>&gt; user: text</c> for what a user sends and <c>&lt; phrase</c> (or <c>&lt;! phrase</c>)
/// for what the bot's reply to that user must (not) contain, and <c>&lt;@user phrase</c> for a push someone else gets.
/// A user line of <c>[按钮文字]</c> taps that button on the newest card the user got; <c>[图片]</c> sends a photo and
/// <c>[位置 标签]</c> a location. A line <c>@clock 21:30</c> in a story runs that story with the host's clock at that time
/// of day, China time (today), for behaviour that depends on the hour.
/// </summary>
public sealed record StoryScript(string File, string Title, IReadOnlyList<StoryStep> Steps)
{
    /// <summary>The time of day (China time) the host's clock reads when the story starts; null for the real clock.</summary>
    public TimeOnly? Clock { get; init; }

    public override string ToString() => Title;

    public static IReadOnlyList<StoryScript> Load(string path)
    {
        var stories = new List<StoryScript>();
        string? title = null;
        TimeOnly? clock = null;
        var steps = new List<StoryStep>();
        var lines = System.IO.File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                if (title is not null) stories.Add(new StoryScript(Path.GetFileName(path), title, steps) { Clock = clock });
                title = line[3..].Trim();
                steps = [];
                clock = null;
            }
            else if (line.StartsWith("@clock", StringComparison.Ordinal))
            {
                if (title is null || !TimeOnly.TryParseExact(line["@clock".Length..].Trim(), "H:mm", out var at))
                    throw new FormatException($"{path}:{i + 1}: expected '@clock HH:mm' inside a story.");
                clock = at;
            }
            else if (line.StartsWith('>'))
            {
                var colon = line.IndexOf(':');
                if (colon < 0) throw new FormatException($"{path}:{i + 1}: expected '> user: text'.");
                steps.Add(new UserSays(i + 1, line[1..colon].Trim(), line[(colon + 1)..].Trim()));
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
        if (title is not null) stories.Add(new StoryScript(Path.GetFileName(path), title, steps) { Clock = clock });
        return stories;
    }
}
