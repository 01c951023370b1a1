using GovBot.Data.People;
using GovBot.Data.Reference;
using GovBot.Skills.Conversation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GovBot.Skills.Handoff;

/// <summary>
/// 转人工 / 找个真人 / 我要跟工作人员说: the resident's message goes to a person, who answers with the card's 回复 button
/// (<see cref="HandoffAnswerSkill"/>). A message that already says what it is about goes at once; one that only asks for a
/// person gets one short question, and the next message goes. The resident hears at once who will answer and when.
/// </summary>
public sealed class HandoffSkill(
    HandoffDesk desks, HandoffLedger ledger, ReferenceData reference, IOptions<HandoffOptions> options, IHandoffTransfer transfer,
    IServiceProvider services) : ISkill
{
    private const string MessageStep = "message";
    private const int MaxMisses = 3;

    public string Name => "handoff";
    public string Topic => "转人工";
    public IReadOnlyCollection<string> Intents { get; } = [Nlu.Intents.Handoff];
    public MenuEntry? Menu => new("找工作人员（转人工）", "转人工", Order: 60);

    private HandoffOptions Options => options.Value;

    public async Task<Reply> StartAsync(TurnContext turn, CancellationToken ct)
    {
        var user = turn.User;
        if (user.CommunityId is null && !IsStaff(user)) return await OnboardFirstAsync(turn, ct);

        if (await ledger.UnansweredSinceAsync(user.Id, turn.Now - Options.RepeatWindow, ct) is { } pending)
            return Reply.Text(HandoffWording.AlreadyForwarded(await desks.PeopleAsync(pending.To, ct), pending.SentAt, turn.Now));

        var desk = await desks.ForAsync(user, turn.Now, ct);
        if (desk.IsEmpty) return Reply.Text(HandoffWording.NoOne(desk));
        if (HandoffRequest.CarriesQuestion(turn.Text)) return await ForwardAsync(turn, desk, turn.Text, ct);

        turn.Continue(new DialogState { Skill = Name, Step = MessageStep, StartedAt = turn.Now });
        return Reply.Text(HandoffWording.Ask(desk, Options));
    }

    public async Task<Reply> ContinueAsync(TurnContext turn, CancellationToken ct)
    {
        var form = turn.Dialog!;
        if (form.Step != MessageStep)
        {
            turn.EndDialog();
            return Reply.None;
        }
        if (turn.Text.Length == 0 || HandoffRequest.OnlyAsksForPerson(turn.Text))
        {
            if (form.Misses + 1 >= MaxMisses)
            {
                turn.EndDialog();
                return Reply.Text("先不转了。想找人时再说「转人工」就行。");
            }
            turn.Continue(form with { Misses = form.Misses + 1 });
            return Reply.Text(turn.Text.Length == 0 ? HandoffWording.TextOnly : HandoffWording.AskAgain);
        }

        turn.EndDialog();
        // The clock may have passed the end of grid hours while they typed: whoever answers now gets it.
        var desk = await desks.ForAsync(turn.User, turn.Now, ct);
        return desk.IsEmpty ? Reply.Text(HandoffWording.NoOne(desk)) : await ForwardAsync(turn, desk, turn.Text, ct);
    }

    public Task<Reply> OnButtonAsync(TurnContext turn, string action, CancellationToken ct) => StartAsync(turn, ct);

    private async Task<Reply> ForwardAsync(TurnContext turn, Desk desk, string said, CancellationToken ct)
    {
        var user = turn.User;
        var ticket = HandoffTicket.For(user, turn.Message.ReceivedAt);
        var card = new CardPart(
            HandoffWording.CardTitle(user),
            HandoffWording.CardText(user, await PlaceOfAsync(user, ct), desk.AllStaff, said, turn.Message.ReceivedAt, desk.AfterHours),
            [new CardButton($"{HandoffAnswerSkill.SkillName}:{ticket.Action}", "回复", Primary: true)],
            ticket.TaskId);
        var full = said.Length > HandoffWording.CardTextLength ? HandoffWording.FullText(user, said) : null;
        await ledger.ForwardAsync(ticket, card, full, desk.People, turn.Now, ct);
        // The card goes whatever happens next: it carries what was said, and answering it works on every channel.
        var taken = await transfer.TransferAsync(user, desk.People, ct);
        if (taken.Told) return Reply.None;
        return Reply.Text(taken.TakenBy is { } person ? HandoffWording.TakenOver(person) : HandoffWording.Forwarded(desk, Options));
    }

    /// <summary>
    /// A resident whose address is unknown is asked it first, by onboarding, which keeps this message and hands it back
    /// once it knows the building: only then is it clear whose grid it is. Staff are never onboarded (it would set the
    /// community they work for); without a community they reach the county office.
    /// </summary>
    private async Task<Reply> OnboardFirstAsync(TurnContext turn, CancellationToken ct)
    {
        // Resolved lazily: the registry makes this skill too.
        var onboarding = services.GetRequiredService<SkillRegistry>().ByName(ConversationEngine.OnboardingSkill);
        if (onboarding is null) return Reply.Text("还不知道您住在哪儿。回复「你好」登记一下住址，再说「转人工」就行。");
        return Reply.Text(HandoffWording.NeedAddress).Then(await onboarding.StartAsync(turn, ct));
    }

    /// <summary>"清华苑一期3号楼2单元301", as far as the address is known.</summary>
    private async Task<string?> PlaceOfAsync(Person user, CancellationToken ct)
    {
        var places = await reference.GetAsync(ct);
        var compound = user.CompoundId is { } c ? places.Compound(c)?.Name : null;
        var building = user.BuildingId is { } b ? places.Building(b)?.Name : null;
        var place = string.Concat(compound, building, building is null ? null : user.Unit, building is null ? null : user.Room);
        return place.Length > 0 ? place : null;
    }

    private static bool IsStaff(Person p) => (p.Roles & (Roles.Staff | Roles.GridWorker | Roles.Secretary | Roles.CountyAdmin)) != 0;
}
