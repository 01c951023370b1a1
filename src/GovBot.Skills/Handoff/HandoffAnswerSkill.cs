using GovBot.Data;
using GovBot.Data.People;
using GovBot.Skills.Conversation;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Skills.Handoff;

/// <summary>
/// The answering side of a handoff, driven by the card's 回复 button: only someone the card was sent to may answer; the
/// tap asks them to type, and what they type goes to the resident as 「网格员王建军回复您：……」. A handoff is answered once:
/// a later tap, or a second worker's answer, hears who answered it.
/// </summary>
public sealed class HandoffAnswerSkill(GovBotDb db, HandoffLedger ledger) : ISkill
{
    public const string SkillName = "handoff-answer";
    private const string AnswerStep = "answer";
    private const string TicketSlot = "ticket", ResponseCodeSlot = "response";

    public string Name => SkillName;
    public string Topic => "回复";
    public IReadOnlyCollection<string> Intents { get; } = [];
    public MenuEntry? Menu => null;

    public Task<Reply> StartAsync(TurnContext turn, CancellationToken ct) => Task.FromResult(Reply.None);

    public async Task<Reply> OnButtonAsync(TurnContext turn, string action, CancellationToken ct)
    {
        if (HandoffTicket.Parse(action) is not { } ticket) return Reply.Text(HandoffWording.Expired);
        var recipients = await ledger.RecipientsAsync(ticket, ct);
        if (recipients is null) return Reply.Text(HandoffWording.Expired);
        if (!recipients.Contains(turn.User.WeComUserId)) return Reply.Text(HandoffWording.NotYours);

        var resident = await PersonAsync(ticket.ResidentId, ct);
        if (await ledger.AnswererAsync(ticket, ct) is { } answerer)
            return Reply.Text(HandoffWording.AlreadyAnswered(await PersonAsync(answerer, ct), turn.User, resident));
        if (resident is null) return Reply.Text(HandoffWording.ResidentGone);

        // The answer to a resident is whatever the worker writes.
        var state = new DialogState { Skill = Name, Step = AnswerStep, StartedAt = turn.Now, TakesAnyText = true }.With(TicketSlot, ticket.Action);
        // The tap's response code greys out every copy of the card once answered; WeCom accepts each code once.
        if (turn.Message.ResponseCode is { Length: > 0 } code) state = state.With(ResponseCodeSlot, code);
        turn.Continue(state);
        return Reply.Text(HandoffWording.TypeYourAnswer(resident));
    }

    public async Task<Reply> ContinueAsync(TurnContext turn, CancellationToken ct)
    {
        var form = turn.Dialog!;
        if (form.Step != AnswerStep || HandoffTicket.Parse(form.Slot(TicketSlot)) is not { } ticket)
        {
            turn.EndDialog();
            return Reply.None;
        }
        if (turn.Text.Length == 0)
        {
            turn.Continue(form with { Misses = form.Misses + 1 });
            return Reply.Text("照片和语音转不过去，请打字回复。不回了就回复「取消」。");
        }

        turn.EndDialog();
        var resident = await PersonAsync(ticket.ResidentId, ct);
        // Checked again here, inside the turn's write transaction: another worker may have answered since the tap.
        if (await ledger.AnswererAsync(ticket, ct) is { } answerer)
            return Reply.Text(HandoffWording.AlreadyAnswered(await PersonAsync(answerer, ct), turn.User, resident) + "您这条没有再发。");
        if (resident is null) return Reply.Text(HandoffWording.ResidentGone);

        var close = form.Slot(ResponseCodeSlot) is { } code
            ? new CardUpdate(ticket.TaskId, HandoffWording.Closed(turn.User), code)
            : null;
        await ledger.AnswerAsync(ticket, turn.User, resident, HandoffWording.AnswerToResident(turn.User, turn.Text), close, turn.Now, ct);
        return Reply.Text(HandoffWording.Sent(resident));
    }

    private Task<Person?> PersonAsync(int id, CancellationToken ct) => db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
}
