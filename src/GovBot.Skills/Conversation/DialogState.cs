namespace GovBot.Skills.Conversation;

/// <summary>
/// Where a user stands in a multi-turn dialog. Kept as JSON in the state store so that a dialog
/// resumes after a restart when Redis holds it.
/// </summary>
public sealed record DialogState
{
    public required string Skill { get; init; }
    /// <summary>The slot being asked for, or <see cref="ConfirmStep"/>.</summary>
    public string? Step { get; init; }
    public Dictionary<string, string> Slots { get; init; } = [];
    /// <summary>The options last shown as a numbered list, so "2" can be understood.</summary>
    public IReadOnlyList<string>? Choices { get; init; }
    /// <summary>How often the current question was answered badly; after a few we offer to stop.</summary>
    public int Misses { get; init; }
    /// <summary>A message that arrived before onboarding finished, handled once it is done.</summary>
    public string? Deferred { get; init; }
    /// <summary>What the bot last asked in this dialog, to ask it again when the dialog is taken up after an interruption.</summary>
    public IReadOnlyList<ReplyPart>? Prompt { get; init; }
    /// <summary>
    /// A dialog put aside because the person asked for something else in the middle of it (an unhappy path); it is
    /// offered back once the new request is done.
    /// </summary>
    public DialogState? Suspended { get; init; }
    /// <summary>This dialog was interrupted and the bot has asked whether to go on with it.</summary>
    public bool ResumeOffered { get; init; }
    /// <summary>
    /// The question takes any text as its answer (a grid worker's result, a reply to a resident): only a command the
    /// rules are certain of is taken as something else.
    /// </summary>
    public bool TakesAnyText { get; init; }
    public DateTimeOffset StartedAt { get; init; }

    public const string ConfirmStep = "confirm";

    public string? Slot(string name) => Slots.GetValueOrDefault(name);

    public DialogState With(string name, string value)
    {
        var slots = new Dictionary<string, string>(Slots) { [name] = value };
        return this with { Slots = slots };
    }

    public DialogState Without(string name)
    {
        var slots = new Dictionary<string, string>(Slots);
        slots.Remove(name);
        return this with { Slots = slots };
    }
}
