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

    /// <summary>A dialog put aside in this turn by an interruption (see <see cref="Interruptions"/>).</summary>
    internal DialogState? Suspended { get; private set; }

    internal void Suspend(DialogState dialog) => Suspended = dialog;

    /// <summary>Sets the dialog a skill will see, as the engine decides who gets the message.</summary>
    internal void Reset(DialogState? dialog)
    {
        Dialog = dialog;
        DialogChanged = true;
    }

    public void ThenHandle(string text) => FollowUp = text;

    /// <summary>
    /// Set by a skill whose dialog got a message that is not an answer but a new request (a whole complaint typed at a
    /// list): the engine then puts the dialog aside and handles the message afresh, offering the dialog back after.
    /// </summary>
    internal bool Declined { get; private set; }

    /// <summary>The message is not for this dialog: handle it as a new request and keep the dialog for later.</summary>
    public Reply Decline()
    {
        Declined = true;
        return Reply.None;
    }

    internal void Reparse(NluResult nlu) => Nlu = nlu;
}
