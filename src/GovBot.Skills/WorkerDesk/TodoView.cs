using System.Text;
using GovBot.Data.People;
using GovBot.Data.Reports;
using GovBot.Skills.Conversation;
using GovBot.Skills.MyRequests;
using GovBot.Skills.Reports;

namespace GovBot.Skills.WorkerDesk;

/// <summary>
/// 我的待办 (待办, 我手上还有啥, 还有几件没办): the reports on the person's <see cref="WorkQueue"/>, oldest first, each
/// with its place, category and the time left before its limit; for staff, how much waits for review too.
/// </summary>
public sealed class TodoView(WorkQueue queue, ReviewQueue reviews) : IDeskView
{
    private const int MaxListed = 10;

    public Roles For => Roles.GridWorker | Roles.Staff | Roles.Secretary;
    public string Audience => "网格员和社区工作人员";
    public IReadOnlyList<string> Keywords { get; } = ["待办", "手上", "没办", "要办", "工单", "几件"];
    public MenuEntry Menu { get; } = new("我的待办（还有哪些事要受理、要办结）", "我的待办", Order: 1);
    public bool IsDefault => true;

    public async Task<Reply> ShowAsync(TurnContext turn, CancellationToken ct)
    {
        var items = await queue.ForAsync(turn.User, ct);
        var pending = await reviews.ForAsync(turn.User, ct);
        var waiting = pending is { Count: > 0 } r ? $"另有待审核：{string.Join("、", Counts(r))}，说「待审核」查看。" : null;
        if (items.Count == 0)
        {
            if (turn.User.Has(Roles.GridWorker))
                return Reply.Text("您手上没有待办的事，辛苦了！说「今日巡查」看看网格里还有哪些事没办完。" + (waiting is null ? "" : "\n" + waiting));
            return Reply.Text(waiting is null ? "您手上没有待办的说事，也没有要审核的报到和心愿。" : "您手上没有待办的说事。\n" + waiting);
        }

        var text = new StringBuilder($"您的待办共{items.Count}件，最早的在前：");
        var n = 0;
        foreach (var (report, due) in items.Take(MaxListed))
        {
            text.Append('\n').Append(++n).Append(". ").Append(report.Ticket).Append(' ').Append(report.Category!.Name)
                .Append('｜').Append(ReportWording.Place(report))
                .Append("\n   ").Append(State(report));
            if (due is not null) text.Append('，').Append(due.Describe(turn.Now));
        }
        if (items.Count > MaxListed) text.Append($"\n……还有{items.Count - MaxListed}件");
        var first = items[0].Report.Ticket;
        text.Append($"\n说「查进度 {first}」看详情。受理、办结点当时收到的卡片，或直接回复「受理 {first}」「办结 {first}」。");
        if (waiting is not null) text.Append('\n').Append(waiting);
        return Reply.Text(text.ToString());
    }

    private static string State(Report r) => r.Status switch
    {
        ReportStatus.Reported when r.HandedTo == HandoverTarget.Community => "转交社区，待受理",
        ReportStatus.Reported => "待受理",
        ReportStatus.Deliberating => $"{r.DeliberationVenue ?? "协商"}协商中",
        _ => "办理中",
    };

    private static IEnumerable<string> Counts(PendingReviews r)
    {
        if (r.CheckIns.Count > 0) yield return $"双报到{r.CheckIns.Count}件";
        if (r.Wishes.Count > 0) yield return $"微心愿{r.Wishes.Count}件";
    }
}
