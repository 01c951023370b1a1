using GovBot.Data;
using GovBot.Data.Reports;
using GovBot.Skills.Conversation;
using GovBot.Skills.Conversation.Forms;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Skills.Reports;

/// <summary>
/// The grid worker's side of a report, driven by the buttons of the cards they get: accept, hand over,
/// put up for deliberation, handle with a result, or reject with a reason. Each asks at most one question.
/// </summary>
public sealed class CaseworkSkill(GovBotDb db, ReportService reports) : ISkill
{
    private const string HandoverStep = "handover", GridStep = "grid", ResultStep = "result", VenueStep = "venue", ReasonStep = "reason";
    private const string ReportSlot = "report", PhotosSlot = "photos";
    private static readonly string[] HandoverChoices = ["其他网格", "物业", "社区"];
    private static readonly string[] Venues = ["居民议事会", "联席会议"];

    /// <summary>The moves, as button keys name them ("casework:accept:17") and <see cref="StartMoveAsync"/> takes them.</summary>
    public const string Accept = "accept", Handover = "handover", Deliberate = "deliberate", Handle = "handle", Reject = "reject";

    public string Name => "casework";
    public IReadOnlyCollection<string> Intents { get; } = [];
    public MenuEntry? Menu => null;
    public string Topic => "办理";

    public Task<Reply> StartAsync(TurnContext turn, CancellationToken ct) => Task.FromResult(Reply.None);

    /// <summary>
    /// Starts a move as its button would, for a worker who asks by text (「受理 S1001」): accepting at once, the others
    /// with their one question. The same checks apply, so nobody moves a report that is not theirs.
    /// </summary>
    public Task<Reply> StartMoveAsync(TurnContext turn, string move, int reportId, CancellationToken ct) =>
        OnButtonAsync(turn, $"{move}:{reportId}", ct);

    public async Task<Reply> OnButtonAsync(TurnContext turn, string action, CancellationToken ct)
    {
        var parts = action.Split(':');
        if (parts.Length != 2 || !int.TryParse(parts[1], out var id) || await reports.FindAsync(id, ct) is not { } report)
            return Reply.Text("这个按钮已经失效了。");
        // Accepting checks for itself, so a second worker who taps late hears who took it.
        if (parts[0] == Accept)
        {
            var accepted = await reports.AcceptAsync(report, turn.User, turn.Message.ResponseCode, ct);
            return Reply.Text(accepted.Done ? $"已受理 {report.Ticket}，已告诉居民。处理好后在卡片上点「办结」，或回复「办结 {report.Ticket}」。" : accepted.Refusal!);
        }
        if (!await reports.CanWorkAsync(report, turn.User, ct))
            return Reply.Text($"{report.Ticket} 不归您处理。");

        switch (parts[0])
        {
            case Handover:
                return Ask(turn, report, HandoverStep, new ChoicesPart($"{report.Ticket} 转交给谁？", HandoverChoices));
            case Deliberate:
                return Ask(turn, report, VenueStep, new ChoicesPart($"{report.Ticket} 提交到哪里协商？", Venues));
            case Handle:
                return Ask(turn, report, ResultStep, new TextPart($"请说一下 {report.Ticket} 的处理结果（会告诉居民），可以先发一张处理后的照片。"));
            case Reject:
                return Ask(turn, report, ReasonStep, new TextPart($"请说一下不受理 {report.Ticket} 的原因，会告诉居民。"));
            default:
                return Reply.Text("这个按钮已经失效了。");
        }
    }

    public async Task<Reply> ContinueAsync(TurnContext turn, CancellationToken ct)
    {
        var form = turn.Dialog!;
        if (!int.TryParse(form.Slot(ReportSlot), out var id) || await reports.FindAsync(id, ct) is not { } report)
        {
            turn.EndDialog();
            return Reply.Text("这条反映找不到了。");
        }

        switch (form.Step)
        {
            case HandoverStep:
                return await HandoverAsync(turn, form, report, ct);
            case GridStep:
                var grid = form.Choices is { } grids ? ChoiceMatcher.Match(turn.Text, grids) : null;
                if (grid is null) return Again(turn, form, "请回复网格的序号。");
                var gridId = await db.Grids.Where(g => g.CommunityId == report.CommunityId && g.Name == form.Choices![grid.Value])
                    .Select(g => g.Id).FirstAsync(ct);
                return Done(turn, report, await reports.HandOverAsync(report, turn.User, HandoverTarget.Grid, gridId, ct), "已转交");
            case VenueStep:
                var venue = ChoiceMatcher.Match(turn.Text, Venues);
                if (venue is null) return Again(turn, form, "请回复 1 居民议事会，或 2 联席会议。");
                return Done(turn, report, await reports.DeliberateAsync(report, turn.User, Venues[venue.Value], ct), "已提交协商");
            case ResultStep:
                if (turn.Message is { Kind: MessageKind.Image, MediaId: { } media })
                {
                    turn.Continue(form.With(PhotosSlot, string.Join(';', new[] { form.Slot(PhotosSlot), media }.OfType<string>())));
                    return Reply.Text("照片收到了。再说一下处理结果就好。");
                }
                if (turn.Text.Length < 2) return Again(turn, form, "请用一句话说一下处理结果，比如「已清理楼道杂物」。");
                var photos = (form.Slot(PhotosSlot) ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries);
                return Done(turn, report, await reports.HandleAsync(report, turn.User, turn.Text, photos, ct), "已办结，已请居民评价");
            case ReasonStep:
                if (turn.Text.Length < 2) return Again(turn, form, "请说一下原因，比如「不属于社区管理范围」。");
                return Done(turn, report, await reports.RejectAsync(report, turn.User, turn.Text, ct), "已驳回，已告诉居民原因");
            default:
                turn.EndDialog();
                return Reply.None;
        }
    }

    private async Task<Reply> HandoverAsync(TurnContext turn, DialogState form, Report report, CancellationToken ct)
    {
        switch (ChoiceMatcher.Match(turn.Text, HandoverChoices))
        {
            case 0:
                var grids = await db.Grids.Where(g => g.CommunityId == report.CommunityId && g.Id != report.GridId)
                    .OrderBy(g => g.Id).Select(g => g.Name).ToListAsync(ct);
                if (grids.Count == 0) return Again(turn, form, "社区里没有别的网格了，转给物业或社区吧。");
                turn.Continue(form with { Step = GridStep, Choices = grids });
                return Reply.Of(new ChoicesPart("转给哪个网格？", grids));
            case 1:
                return Done(turn, report, await reports.HandOverAsync(report, turn.User, HandoverTarget.PropertyManager, null, ct), "已转交物业");
            case 2:
                return Done(turn, report, await reports.HandOverAsync(report, turn.User, HandoverTarget.Community, null, ct), "已转交社区");
            default:
                return Again(turn, form, "请回复 1 其他网格、2 物业 或 3 社区。");
        }
    }

    private Reply Ask(TurnContext turn, Report report, string step, ReplyPart question)
    {
        // A result or a reason is whatever the worker writes; only a command the rules are sure of is something else.
        var state = new DialogState
        {
            Skill = Name, Step = step, StartedAt = turn.Now, Choices = (question as ChoicesPart)?.Options,
            TakesAnyText = step is ResultStep or ReasonStep,
        }.With(ReportSlot, report.Id.ToString());
        turn.Continue(state);
        return Reply.Of(question);
    }

    private static Reply Again(TurnContext turn, DialogState form, string hint)
    {
        turn.Continue(form with { Misses = form.Misses + 1 });
        return Reply.Text(hint);
    }

    private static Reply Done(TurnContext turn, Report report, Transition result, string what)
    {
        turn.EndDialog();
        return Reply.Text(result.Done ? $"{what}：{report.Ticket}。" : result.Refusal!);
    }
}
