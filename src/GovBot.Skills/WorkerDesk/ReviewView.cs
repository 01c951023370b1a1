using System.Text;
using GovBot.Data.People;
using GovBot.Skills.CheckIns;
using GovBot.Skills.Conversation;
using GovBot.Skills.MyRequests;

namespace GovBot.Skills.WorkerDesk;

/// <summary>
/// 待审核 (有几个报到要审, 心愿审核): the check-ins and micro-wishes waiting for the community's review, and where to
/// act on them — the cards staff got, or the 社区工作台 pages, which keep the reasons and pushes in one place.
/// </summary>
public sealed class ReviewView(ReviewQueue queue) : IDeskView
{
    private const int MaxListed = 10;

    public Roles For => Roles.Staff | Roles.Secretary;
    public string Audience => "社区工作人员";
    public IReadOnlyList<string> Keywords { get; } = ["审核", "要审", "待审", "审批"];
    public MenuEntry Menu { get; } = new("待审核（双报到、微心愿）", "待审核", Order: 3);

    public async Task<Reply> ShowAsync(TurnContext turn, CancellationToken ct)
    {
        if (await queue.ForAsync(turn.User, ct) is not { } pending)
            return Reply.Text("还没有登记您所在的社区，请县里的管理员在通讯录里设置。");
        if (pending.Count == 0) return Reply.Text($"{pending.Community}暂时没有待审核的报到和心愿。");

        var text = new StringBuilder($"{pending.Community}待审核：");
        if (pending.CheckIns.Count > 0)
        {
            text.Append($"\n双报到{pending.CheckIns.Count}件：");
            foreach (var c in pending.CheckIns.Take(MaxListed))
                text.Append($"\n· {c.Name}，{CheckInWording.Kind(c.Kind)}，{c.Compound?.Name}{c.Building?.Name}，{CheckInWording.Date(c.SubmittedAt)}提交");
            More(text, pending.CheckIns.Count);
        }
        if (pending.Wishes.Count > 0)
        {
            text.Append($"\n微心愿{pending.Wishes.Count}件：");
            foreach (var w in pending.Wishes.Take(MaxListed))
                text.Append($"\n· {w.Resident?.Name}：{w.Description}（{CheckInWording.Date(w.PostedAt)}）");
            More(text, pending.Wishes.Count);
        }
        text.Append("\n审核点当时收到的卡片上的「通过」「退回」，也可以在社区工作台网页的「报到」「微心愿」页办理。");
        return Reply.Text(text.ToString());
    }

    private static void More(StringBuilder text, int count)
    {
        if (count > MaxListed) text.Append($"\n……还有{count - MaxListed}件");
    }
}
