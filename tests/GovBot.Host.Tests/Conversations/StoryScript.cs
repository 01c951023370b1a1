namespace GovBot.Host.Tests.Conversations;

/// <summary>One line of a story: a user says something, or the bot's answer must (not) contain a phrase.</summary>
public abstract record StoryStep(int Line);

public sealed record UserSays(int Line, string User, string Text) : StoryStep(Line);

public sealed record BotSays(int Line, string Phrase, bool Negated) : StoryStep(Line);

/// <summary>
/// A conversation written the way a product person would, in the spirit of Rasa's test stories:
/// <c>## title</c>, then <c>&gt; user: text</c> for what a user sends and <c>&lt; phrase</c> (or <c>&lt;! phrase</c>)
/// for what the bot's reply to that user must (not) contain.
/// </summary>
public sealed record StoryScript(string File, string Title, IReadOnlyList<StoryStep> Steps)
{
    public override string ToString() => Title;

    public static IReadOnlyList<StoryScript> Load(string path)
    {
        var stories = new List<StoryScript>();
        string? title = null;
        var steps = new List<StoryStep>();
        var lines = System.IO.File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                if (title is not null) stories.Add(new StoryScript(Path.GetFileName(path), title, steps));
                title = line[3..].Trim();
                steps = [];
            }
            else if (line.StartsWith('>'))
            {
                var colon = line.IndexOf(':');
                if (colon < 0) throw new FormatException($"{path}:{i + 1}: expected '> user: text'.");
                steps.Add(new UserSays(i + 1, line[1..colon].Trim(), line[(colon + 1)..].Trim()));
            }
            else if (line.StartsWith("<!", StringComparison.Ordinal))
                steps.Add(new BotSays(i + 1, line[2..].Trim(), Negated: true));
            else if (line.StartsWith('<'))
                steps.Add(new BotSays(i + 1, line[1..].Trim(), Negated: false));
        }
        if (title is not null) stories.Add(new StoryScript(Path.GetFileName(path), title, steps));
        return stories;
    }
}
