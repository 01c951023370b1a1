using System.Text.RegularExpressions;
using GovBot.Data.People;
using GovBot.Skills.Conversation;
using GovBot.Skills.Conversation.Forms;
using Microsoft.Extensions.Options;

namespace GovBot.Skills.Wishes;

/// <summary>
/// 微心愿 by chat (intent micro_wish): residents post (我有个微心愿), party members list and claim (认领心愿) and
/// report done (心愿完成了), staff review from the card, the resident confirms from the card.
/// </summary>
public sealed partial class WishSkill(WishService wishes, IOptions<WishOptions> options) : ISkill
{
    private const string DescribeStep = "describe", ClaimStep = "claim", DoneStep = "done", ReasonStep = "reason";
    private const string IdsSlot = "ids", WishSlot = "wish", CodeSlot = "code";

    public string Name => WishService.SkillName;
    public IReadOnlyCollection<string> Intents { get; } = [Nlu.Intents.MicroWish];
    public MenuEntry? Menu => new("微心愿", "我有个微心愿", Order: 50);
    public string Topic => "心愿";

    public async Task<Reply> StartAsync(TurnContext turn, CancellationToken ct)
    {
        var text = turn.Text;
        if (text.Contains("认领")) return await ListAsync(turn, ct);
        if (text.Contains("完成") || text.Contains("办好") || text.Contains("实现了")) return await DoneAsync(turn, ct);
        if (turn.User.CommunityId is null)
            return Reply.Text("还不知道您住在哪儿。回复「你好」登记一下住址，再来发心愿。");
        turn.Continue(new DialogState { Skill = Name, Step = DescribeStep, StartedAt = turn.Now });
        return Reply.Text("请用一句话说说您的心愿，比如「想请人帮忙买一袋面送上楼」。");
    }

    public async Task<Reply> ContinueAsync(TurnContext turn, CancellationToken ct)
    {
        var form = turn.Dialog!;
        switch (form.Step)
        {
            case DescribeStep:
                if (turn.Text.Length is < 4 or > 200)
                {
                    turn.Continue(form with { Misses = form.Misses + 1 });
                    return Reply.Text("请用一句话（4 到 200 个字）说说您的心愿。");
                }
                turn.EndDialog();
                await wishes.PostAsync(turn.User, turn.Text, ct);
                return Reply.Text("您的微心愿已提交，社区审核后会请党员认领，有进展马上告诉您。");
            case ClaimStep or DoneStep:
                var ids = form.Slot(IdsSlot)!.Split(',').Select(int.Parse).ToList();
                if (Pick(turn.Text, form.Choices, ids.Count) is not { } index)
                {
                    turn.Continue(form with { Misses = form.Misses + 1 });
                    return Reply.Text($"请回复 1 到 {ids.Count} 的序号。");
                }
                turn.EndDialog();
                return form.Step == ClaimStep ? await ClaimAsync(turn, ids[index], ct) : await FulfilAsync(turn, ids[index], ct);
            case ReasonStep:
                if (turn.Text.Length < 2 || !int.TryParse(form.Slot(WishSlot), out var id) || await wishes.FindAsync(id, ct) is not { } wish)
                {
                    turn.Continue(form with { Misses = form.Misses + 1 });
                    return Reply.Text("请用一句话说一下退回的原因。");
                }
                turn.EndDialog();
                var returned = await wishes.ReturnAsync(wish, turn.User, turn.Text, form.Slot(CodeSlot), ct);
                return Reply.Text(returned.Done ? "已退回，已把原因告诉居民。" : returned.Refusal!);
            default:
                turn.EndDialog();
                return await StartAsync(turn, ct);
        }
    }

    public async Task<Reply> OnButtonAsync(TurnContext turn, string action, CancellationToken ct)
    {
        var parts = action.Split(':');
        if (parts.Length != 2 || !int.TryParse(parts[1], out var id) || await wishes.FindAsync(id, ct) is not { } wish)
            return Reply.Text("这个按钮已经失效了。");
        switch (parts[0])
        {
            case "approve":
                var approved = await wishes.ApproveAsync(wish, turn.User, turn.Message.ResponseCode, ct);
                return Reply.Text(approved.Done ? "已通过，心愿上了心愿墙，党员可以认领了。" : approved.Refusal!);
            case "return":
                if (!WishService.CanReview(wish, turn.User)) return Reply.Text("只有本社区的工作人员可以审核心愿。");
                var state = new DialogState { Skill = Name, Step = ReasonStep, StartedAt = turn.Now }.With(WishSlot, id.ToString());
                if (turn.Message.ResponseCode is { } code) state = state.With(CodeSlot, code);
                turn.Continue(state);
                return Reply.Text("请说一下退回的原因（会告诉居民）。");
            case "done":
                return await FulfilAsync(turn, id, ct);
            case "confirm":
                var confirmed = await wishes.ConfirmAsync(wish, turn.User, ct);
                return Reply.Text(confirmed.Done ? "谢谢您的确认！心愿圆满完成。" : confirmed.Refusal!);
            default:
                return Reply.Text("这个按钮已经失效了。");
        }
    }

    private async Task<Reply> ListAsync(TurnContext turn, CancellationToken ct)
    {
        if (!turn.User.Has(Roles.PartyMember)) return Reply.Text("微心愿由党员认领。党员请先回复「报到」完成双报到。");
        var open = await wishes.OpenAsync(turn.User, options.Value.ListSize, ct);
        if (open.Count == 0) return Reply.Text("现在没有等人认领的心愿，谢谢您的热心！");
        var shown = open.Select(w => (w.Compound is { } c ? $"{c.Name}：" : "") + w.Description).ToList();
        turn.Continue(new DialogState { Skill = Name, Step = ClaimStep, StartedAt = turn.Now, Choices = shown }
            .With(IdsSlot, string.Join(",", open.Select(w => w.Id))));
        return Reply.Of(new ChoicesPart("这些心愿等人认领，回复序号认领一个：", shown));
    }

    private async Task<Reply> ClaimAsync(TurnContext turn, int id, CancellationToken ct)
    {
        var claimed = await wishes.ClaimAsync(id, turn.User, ct);
        if (!claimed.Done) return Reply.Text(claimed.Refusal!);
        var wish = (await wishes.FindAsync(id, ct))!;
        var days = (int)options.Value.ClaimStaleAfter.TotalDays;
        return Reply.Of(new CardPart("已认领微心愿", $"{wish.Description}\n请在{days}天内完成，完成后点下面的按钮，或回复「心愿完成了」。",
            [new CardButton($"{Name}:done:{id}", "心愿完成了", Primary: true)]));
    }

    private async Task<Reply> DoneAsync(TurnContext turn, CancellationToken ct)
    {
        var mine = await wishes.ClaimedByAsync(turn.User, ct);
        if (mine.Count == 0) return Reply.Text("您现在没有认领中的心愿。回复「认领心愿」看看有哪些。");
        if (mine.Count == 1) return await FulfilAsync(turn, mine[0].Id, ct);
        var shown = mine.Select(w => w.Description).ToList();
        turn.Continue(new DialogState { Skill = Name, Step = DoneStep, StartedAt = turn.Now, Choices = shown }
            .With(IdsSlot, string.Join(",", mine.Select(w => w.Id))));
        return Reply.Of(new ChoicesPart("完成的是哪一个？回复序号：", shown));
    }

    private async Task<Reply> FulfilAsync(TurnContext turn, int id, CancellationToken ct)
    {
        if (await wishes.FindAsync(id, ct) is not { } wish) return Reply.Text("这个心愿找不到了。");
        var done = await wishes.FulfilAsync(wish, turn.User, ct);
        return Reply.Text(done.Done ? "辛苦了！已请居民确认，确认后积分到账。" : done.Refusal!);
    }

    /// <summary>The wish picked: by number, position or words of the list shown (「第一个」「买面那个」), or a number in the text.</summary>
    private static int? Pick(string text, IReadOnlyList<string>? shown, int count)
    {
        if (shown is { Count: > 0 } && shown.Count == count && ChoiceMatcher.Read(text, shown).Index is { } picked) return picked;
        var m = Digits().Match(text);
        return m.Success && int.TryParse(m.Value, out var n) && n >= 1 && n <= count ? n - 1 : null;
    }

    [GeneratedRegex("[0-9]+")]
    private static partial Regex Digits();
}
