using GovBot.Skills.Nlu;

namespace GovBot.Skills.Conversation;

/// <summary>What a turn learned before touching the store: the flood guard's verdict and the message's intent.</summary>
public sealed record TurnStart(RateVerdict Verdict, NluResult? Nlu);
