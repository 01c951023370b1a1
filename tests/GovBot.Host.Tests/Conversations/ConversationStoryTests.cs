namespace GovBot.Host.Tests.Conversations;

/// <summary>Every story in Conversations/Stories/*.md, each against a fresh host and store.</summary>
public sealed class ConversationStoryTests
{
    private static readonly string StoriesFolder = Path.Combine(AppContext.BaseDirectory, "Conversations", "Stories");

    public static TheoryData<string, string> Stories()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in Directory.GetFiles(StoriesFolder, "*.md").Order())
        foreach (var story in StoryScript.Load(file))
            data.Add(Path.GetFileName(file), story.Title);
        return data;
    }

    [Theory]
    [MemberData(nameof(Stories))]
    public async Task Story(string file, string title)
    {
        var story = StoryScript.Load(Path.Combine(StoriesFolder, file)).Single(s => s.Title == title);
        await StoryRunner.RunAsync(story);
    }
}
