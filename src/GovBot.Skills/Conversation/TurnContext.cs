using GovBot.Data.People;
using GovBot.Skills.Nlu;

namespace GovBot.Skills.Conversation;

/// <summary>Everything a skill needs to answer one message, and how it tells the engine what comes next.</summary>
public sealed class TurnContext(IncomingMessage message, Person user, DialogState? dialog, NluResult? nlu, DateTimeOffset now)
{
    public IncomingMessage Message { get; } = message;
    /// <summary>The sender, tracked by the turn's store context: changes are saved with the turn.</summary>
    public Person User { get; } = user;
    /// <summary>The router's reading of the text; null for events and media.</summary>
    public NluResult? Nlu { get; private set; } = nlu;
    public DialogState? Dialog { get; private set; } = dialog;
    public DateTimeOffset Now { get; } = now;
    public string Text => Message.Text?.Trim() ?? "";

    internal bool DialogChanged { get; private set; }
    /// <summary>Text to handle as a fresh message once this turn is done (e.g. what was said before onboarding).</summary>
    internal string? FollowUp { get; private set; }

    public void Continue(DialogState next)
    {
        Dialog = next;
        DialogChanged = true;
    }

    public void EndDialog()
    {
        Dialog = null;
        DialogChanged = true;
    }

    public void ThenHandle(string text) => FollowUp = text;

    internal void Reparse(NluResult nlu) => Nlu = nlu;
}
