using GovBot.Data;
using GovBot.Data.Teaching;
using GovBot.Skills.Ai;
using GovBot.Skills.Conversation;
using GovBot.Skills.Nlu;

namespace GovBot.Skills.Teaching;

/// <summary>
/// Keeps a message the bot did not understand for staff to label: masked the way text sent to the language model is
/// (<see cref="PersonalDataMask"/>), with the sender's community and what the router thought, but not who sent it.
/// </summary>
public sealed class MissedMessageLog(GovBotDb db) : IMissedTurns
{
    public void Note(TurnContext turn, string text, string intent, double confidence)
    {
        text = PersonalDataMask.Apply(text.Trim());
        if (LearnedLanguage.Key(text).Length == 0) return; // 「？？」 or an emoji: nothing to learn
        if (text.Length > MissedMessage.MaxText) text = text[..MissedMessage.MaxText];
        db.MissedMessages.Add(new MissedMessage
        {
            At = turn.Now,
            CommunityId = turn.User.CommunityId,
            Text = text,
            Intent = intent,
            Confidence = confidence,
            Status = MissedStatus.Open,
        });
    }
}
