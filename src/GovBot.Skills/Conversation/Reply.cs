namespace GovBot.Skills.Conversation;

/// <summary>The bot's answer to one turn: zero or more parts shown to the sender in order.</summary>
public sealed record Reply(IReadOnlyList<ReplyPart> Parts)
{
    public static readonly Reply None = new([]);

    public static Reply Text(string text) => new([new TextPart(text)]);

    public static Reply Of(params ReplyPart[] parts) => new(parts);

    public bool IsEmpty => Parts.Count == 0;

    /// <summary>Text-only replies can go back inside the callback's answer; cards need the API.</summary>
    public bool IsPlainText => Parts.All(p => p is TextPart or ChoicesPart);

    public Reply Then(ReplyPart part) => new([.. Parts, part]);

    public Reply Then(Reply other) => new([.. Parts, .. other.Parts]);

    /// <summary>All parts as one message, the way a phone shows a plain text answer.</summary>
    public string ToPlainText() => string.Join("\n\n", Parts.Select(Render));

    public static string Render(ReplyPart part) => part switch
    {
        TextPart t => t.Text,
        ChoicesPart c => c.Prompt + "\n" + string.Join("\n", c.Options.Select((o, i) => $"{i + 1}. {o}")),
        CardPart card => card.Title + "\n" + card.Description,
        _ => "",
    };
}
