namespace GovBot.Skills.Conversation;

/// <summary>
/// Told of a message the bot did not understand, inside the turn's store scope (what it adds is saved with the turn):
/// a text the engine could only answer with its fallback, or one whose guessed meaning the resident turned down right
/// after (「不是」「不对」 when asked whether to report it). The review list 「待学习」 is one (<c>Teaching.MissedMessageLog</c>).
/// </summary>
public interface IMissedTurns
{
    /// <param name="turn">The turn in which it became clear (the sender, community and time come from it).</param>
    /// <param name="text">What the resident said that was missed.</param>
    /// <param name="intent">What the bot thought it meant.</param>
    /// <param name="confidence">How sure the bot was of that.</param>
    void Note(TurnContext turn, string text, string intent, double confidence);
}
