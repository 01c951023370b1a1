namespace GovBot.Skills.Conversation;

/// <summary>
/// Told of a text message the engine could only answer with its fallback, inside the turn's store scope (what it
/// adds is saved with the turn). The review list 「待学习」 is one (<c>Teaching.MissedMessageLog</c>).
/// </summary>
public interface IMissedTurns
{
    void Note(TurnContext turn);
}
