using GovBot.Skills.Nlu;
using GovBot.Skills.Voice;

namespace GovBot.Skills.Conversation;

/// <summary>
/// What <see cref="TurnPrechecker"/> learned of a message before its turn touches the store: the flood guard's
/// verdict, the message's intent, and whether the turn will surely write (a "是" to a summary, a tap on a card), so
/// that it is not first tried read-only.
/// </summary>
public sealed record TurnPrecheck(RateVerdict Verdict, NluResult? Nlu)
{
    public bool SurelyWrites { get; init; }

    /// <summary>A voice message listened to: its words (then the turn handles them as typed), or why none were heard.</summary>
    public VoiceHearing? Voice { get; init; }

    /// <summary>A video or file sent while a dialog is open, looked at: refused, or the name it came with.</summary>
    public AttachmentCheck? Attachment { get; init; }
}
