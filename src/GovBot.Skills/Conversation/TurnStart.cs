using GovBot.Skills.Nlu;

namespace GovBot.Skills.Conversation;

/// <summary>
/// What a turn learned before touching the store: the flood guard's verdict, the message's intent, and whether the
/// turn will surely write (a "是" to a summary, a tap on a card), so that it is not first tried read-only.
/// </summary>
public sealed record TurnStart(RateVerdict Verdict, NluResult? Nlu)
{
    public bool SurelyWrites { get; init; }
}
