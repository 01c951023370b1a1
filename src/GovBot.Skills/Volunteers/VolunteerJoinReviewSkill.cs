using GovBot.Skills.Conversation;

namespace GovBot.Skills.Volunteers;

/// <summary>
/// The team's lead (or the community's staff) answers a join request from its card: 同意 at once, 婉拒 after a short
/// reason the applicant is told; the card turns grey for everyone who got it.
/// </summary>
public sealed class VolunteerJoinReviewSkill(VolunteerTeamService teams) : ISkill
{
    public const string SkillName = "vjoin";
    private const string ReasonStep = "reason", RequestSlot = "request", ResponseCodeSlot = "code";

    public string Name => SkillName;
    public string Topic => "入队审核";
    public IReadOnlyCollection<string> Intents { get; } = [];
    public MenuEntry? Menu => null;

    public Task<Reply> StartAsync(TurnContext turn, CancellationToken ct) => Task.FromResult(Reply.None);

    public async Task<Reply> OnButtonAsync(TurnContext turn, string action, CancellationToken ct)
    {
        var parts = action.Split(':');
        if (parts.Length != 2 || !int.TryParse(parts[1], out var id) || await teams.FindAsync(id, ct) is not { } request)
            return Reply.Text("这个按钮已经失效了。");
        var name = request.Person!.Name;
        switch (parts[0])
        {
            case "approve":
                var approved = await teams.ApproveAsync(request, turn.User, turn.Message.ResponseCode, ct);
                return Reply.Text(approved.Done ? $"已同意{name}加入{request.Team!.Name}，已通知本人。" : approved.Refusal!);
            case "decline":
                if (VolunteerTeamService.Refusal(request, turn.User) is { } refused) return Reply.Text(refused.Refusal!);
                var state = new DialogState { Skill = Name, Step = ReasonStep, StartedAt = turn.Now }.With(RequestSlot, id.ToString());
                if (turn.Message.ResponseCode is { } code) state = state.With(ResponseCodeSlot, code);
                turn.Continue(state);
                return Reply.Text($"请简单说一下婉拒{name}的原因（会转告本人），比如「队里人满了，下次招募再请您」。");
            default:
                return Reply.Text("这个按钮已经失效了。");
        }
    }

    public async Task<Reply> ContinueAsync(TurnContext turn, CancellationToken ct)
    {
        var form = turn.Dialog!;
        if (form.Step != ReasonStep || !int.TryParse(form.Slot(RequestSlot), out var id) || await teams.FindAsync(id, ct) is not { } request)
        {
            turn.EndDialog();
            return Reply.Text("这条入队申请找不到了。");
        }
        if (turn.Text.Length < 2)
        {
            turn.Continue(form with { Misses = form.Misses + 1 });
            return Reply.Text("请用一句话说一下原因，比如「这个队只招快递员」。");
        }
        turn.EndDialog();
        var result = await teams.DeclineAsync(request, turn.User, turn.Text, form.Slot(ResponseCodeSlot), ct);
        return Reply.Text(result.Done ? $"已婉拒{request.Person!.Name}的申请，已把原因转告本人。" : result.Refusal!);
    }
}
