using GovBot.Skills.Nlu;

namespace GovBot.Skills.Conversation;

/// <summary>
/// What <see cref="TurnPrechecker"/> learned of a message before its turn touches the store: the flood guard's
/// verdict, the message's intent, and whether the turn will surely write (a "是" to a summary, a tap on a card), so
/// that it is not first tried read-only.
/// </summary>
public sealed record TurnPrecheck(RateVerdict Verdict, NluResult? Nlu)
{
    public bool SurelyWrites { get; init; }
}
