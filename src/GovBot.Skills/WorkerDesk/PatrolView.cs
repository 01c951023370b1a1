using GovBot.Data.People;
using GovBot.Skills.Conversation;
using GovBot.Skills.MyRequests;
using GovBot.Skills.Reminders;
using GovBot.Skills.Reports;

namespace GovBot.Skills.WorkerDesk;

/// <summary>今日巡查 (今天巡查啥, 巡查清单): the 08:00 日巡查 list on demand, read from the same <see cref="GridPatrol"/>.</summary>
public sealed class PatrolView(GridPatrol patrol) : IDeskView
{
    public Roles For => Roles.GridWorker;
    public string Audience => "网格员";
    public IReadOnlyList<string> Keywords { get; } = ["巡查", "巡逻", "巡检"];
    public MenuEntry Menu { get; } = new("今日巡查（网格里还没办完的事，按地点列出）", "今日巡查", Order: 2);

    public async Task<Reply> ShowAsync(TurnContext turn, CancellationToken ct)
    {
        var reports = await patrol.OfWorkerAsync(turn.User.Id, ct);
        if (reports.Count == 0)
            return Reply.Text("今天您的网格没有没办完的事。巡查时多留意楼道杂物、飞线充电和消防通道，发现问题随手拍下来发给我。");
        return Reply.Text(GridPatrol.Text(ChinaTime.Today(turn.Now), reports) + $"\n说「查进度 {reports[0].Ticket}」看详情。");
    }
}
