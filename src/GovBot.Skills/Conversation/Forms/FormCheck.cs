namespace GovBot.Skills.Conversation.Forms;

/// <summary>
/// The result of a form's last look before its summary: either the (possibly enriched) form goes on to
/// the summary, or the turn stops with a reply of its own and the skill has already set the next step.
/// </summary>
public sealed record FormCheck(DialogState Form, Reply? Interjection)
{
    public static FormCheck Pass(DialogState form) => new(form, null);

    public static FormCheck Stop(DialogState form, Reply reply) => new(form, reply);
}
