using GovBot.Skills.Conversation;

namespace GovBot.Skills.CheckIns;

/// <summary>
/// Community staff review a check-in from the card they were pushed: 通过 approves at once, 退回 asks for
/// the reason (the member is told it), and the card turns grey for every staff member who got it.
/// </summary>
public sealed class CheckInReviewSkill(CheckInService checkIns) : ISkill
{
    public const string SkillName = "checkin-review";
    private const string ReasonStep = "reason", CheckInSlot = "checkin", ResponseCodeSlot = "code";

    public string Name => SkillName;
    public string Topic => "报到审核";
    public IReadOnlyCollection<string> Intents { get; } = [];
    public MenuEntry? Menu => null;

    public Task<Reply> StartAsync(TurnContext turn, CancellationToken ct) => Task.FromResult(Reply.None);

    public async Task<Reply> OnButtonAsync(TurnContext turn, string action, CancellationToken ct)
    {
        var parts = action.Split(':');
        if (parts.Length != 2 || !int.TryParse(parts[1], out var id) || await checkIns.FindAsync(id, ct) is not { } checkIn)
            return Reply.Text("这个按钮已经失效了。");
        switch (parts[0])
        {
            case "approve":
                var approved = await checkIns.ApproveAsync(checkIn, turn.User, turn.Message.ResponseCode, ct);
                if (!approved.Done) return Reply.Text(approved.Refusal!);
                var into = string.Join("、", new[] { checkIn.CompoundBranch?.Name, checkIn.GridGroup?.Name }.OfType<string>());
                return Reply.Text($"已通过{checkIn.Name}的报到" + (into.Length > 0 ? $"，已编入{into}" : "") + "，已通知本人。");
            case "return":
                if (!CheckInService.CanReview(checkIn, turn.User)) return Reply.Text("只有本社区的工作人员可以审核报到。");
                var state = new DialogState { Skill = Name, Step = ReasonStep, StartedAt = turn.Now }.With(CheckInSlot, id.ToString());
                if (turn.Message.ResponseCode is { } code) state = state.With(ResponseCodeSlot, code);
                turn.Continue(state);
                return Reply.Text($"请说一下退回{checkIn.Name}报到的原因（会告诉本人），比如「楼号填错了，请核对」。");
            default:
                return Reply.Text("这个按钮已经失效了。");
        }
    }

    public async Task<Reply> ContinueAsync(TurnContext turn, CancellationToken ct)
    {
        var form = turn.Dialog!;
        if (form.Step != ReasonStep || !int.TryParse(form.Slot(CheckInSlot), out var id) || await checkIns.FindAsync(id, ct) is not { } checkIn)
        {
            turn.EndDialog();
            return Reply.Text("这条报到找不到了。");
        }
        if (turn.Text.Length < 2)
        {
            turn.Continue(form with { Misses = form.Misses + 1 });
            return Reply.Text("请用一句话说一下退回的原因，比如「不是本社区居民」。");
        }
        turn.EndDialog();
        var result = await checkIns.ReturnAsync(checkIn, turn.User, turn.Text, form.Slot(ResponseCodeSlot), ct);
        return Reply.Text(result.Done ? $"已退回{checkIn.Name}的报到，已把原因告诉本人。" : result.Refusal!);
    }
}
