using GovBot.Skills.Nlu;

namespace GovBot.Skills.Conversation.Forms;

/// <summary>The outcome of reading an answer: the value to keep and how to show it back to the user.</summary>
public sealed record SlotValue(string Value, string Display)
{
    public static SlotValue Of(string value) => new(value, value);
}

/// <summary>
/// One piece of information a form asks for. A slot may be filled by the answer to its question,
/// by an entity found in any message of the dialog, or from a numbered list of choices.
/// </summary>
public sealed class Slot(string name, string title, string question, string example)
{
    public string Name { get; } = name;
    /// <summary>Short label for the confirmation summary, e.g. "位置".</summary>
    public string Title { get; } = title;
    public string Question { get; } = question;
    /// <summary>Shown when an answer was not understood, e.g. "3号楼2单元".</summary>
    public string Example { get; } = example;
    public bool Optional { get; init; }

    /// <summary>The answer may pick several options (「理发和义诊」): <see cref="Parse"/> reads the whole answer, not one option.</summary>
    public bool Multiple { get; init; }

    /// <summary>Offer these as a numbered list; the chosen option is then handed to <see cref="Parse"/> or kept as is.</summary>
    public Func<TurnContext, DialogState, CancellationToken, Task<IReadOnlyList<string>>>? Choices { get; init; }

    /// <summary>Reads a free answer (or a chosen option); null means "not understood".</summary>
    public Func<TurnContext, DialogState, string, CancellationToken, Task<SlotValue?>>? Parse { get; init; }

    /// <summary>Fills the slot from what the router found in any message, so answers come in any order.</summary>
    public Func<NluResult, DialogState, SlotValue?>? FromEntities { get; init; }

    /// <summary>When false the slot is skipped, e.g. a room number only for residents of a building.</summary>
    public Func<DialogState, bool>? AppliesWhen { get; init; }

    /// <summary>Filling this slot clears the listed ones (a new community makes the old compound wrong).</summary>
    public IReadOnlyList<string> Resets { get; init; } = [];

    public bool Applies(DialogState d) => AppliesWhen?.Invoke(d) ?? true;
}
