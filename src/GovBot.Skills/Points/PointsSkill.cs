using System.Text;
using GovBot.Data.People;
using GovBot.Skills.Conversation;
using Microsoft.Extensions.Options;

namespace GovBot.Skills.Points;

/// <summary>
/// 查积分, 积分明细 and 积分排名 in one skill (intent query_points); the words in the message pick which
/// (<see cref="PointsQuestions"/>).
/// Before answering it catches up on events not yet counted, so a member asking right after an approval
/// sees the points.
/// </summary>
public sealed class PointsSkill(PointsLedger ledger, PointsBook book, IOptions<PointsOptions> options) : ISkill
{
    public string Name => "points";
    public IReadOnlyCollection<string> Intents { get; } = [Nlu.Intents.QueryPoints];
    public MenuEntry? Menu => new("查积分", "查积分", Order: 40);

    public async Task<Reply> StartAsync(TurnContext turn, CancellationToken ct)
    {
        await ledger.CatchUpAsync(ct);
        return PointsQuestions.Of(turn.Text) switch
        {
            PointsQuestion.Rank => await RankAsync(turn, ct),
            PointsQuestion.Details => await DetailsAsync(turn.User, ct),
            _ => await BalanceAsync(turn, ct),
        };
    }

    public Task<Reply> ContinueAsync(TurnContext turn, CancellationToken ct) => StartAsync(turn, ct);

    public Task<Reply> OnButtonAsync(TurnContext turn, string action, CancellationToken ct) => StartAsync(turn, ct);

    private async Task<Reply> BalanceAsync(TurnContext turn, CancellationToken ct)
    {
        var year = PointsCalendar.YearOf(turn.Now);
        var balance = await book.BalanceAsync(turn.User.Id, year, ct);
        if (balance.AllTime == 0 && !turn.User.Has(Roles.PartyMember))
            return Reply.Text("红色账户是党员的积分。您还没有积分；党员回复「报到」完成双报到，就开始记分了。");
        var text = new StringBuilder($"您{year}年的红色账户：");
        foreach (var d in balance.ThisYear)
            text.Append('\n').Append(PointsWording.Dimension(d.Dimension)).Append(' ').Append(d.Points).Append(" 分");
        text.Append($"\n今年合计 {balance.YearTotal} 分");
        if (balance.AllTime != balance.YearTotal) text.Append($"，历年累计 {balance.AllTime} 分");
        return Reply.Text(text.Append("。\n回复「积分明细」看每一笔，「积分排名」看排名。").ToString());
    }

    private async Task<Reply> DetailsAsync(Person user, CancellationToken ct)
    {
        var lines = await book.RecentAsync(user.Id, options.Value.DetailLines, ct);
        if (lines.Count == 0) return Reply.Text("您还没有积分记录。参加志愿服务、认领微心愿都能加分。");
        var china = TimeSpan.FromHours(8);
        var text = new StringBuilder("最近的积分记录：");
        foreach (var e in lines)
            text.Append('\n').Append(e.At.ToOffset(china).ToString("yyyy年M月d日")).Append(' ').Append(e.Reason)
                .Append('，').Append(e.Item!.Name).Append(' ').Append(PointsWording.Signed(e.Points)).Append(" 分");
        return Reply.Text(text.ToString());
    }

    private async Task<Reply> RankAsync(TurnContext turn, CancellationToken ct)
    {
        if (await book.CheckInOfAsync(turn.User.Id, ct) is not { } checkIn)
            return Reply.Text("完成双报到的党员才参加排名。回复「报到」就能报到。");
        var year = PointsCalendar.YearOf(turn.Now);
        var text = new StringBuilder($"{year}年积分排名：");
        if (checkIn.CompoundBranchId is { } branchId)
            Append(text, checkIn.CompoundBranch!.Name, await book.RankAsync(checkIn.CommunityId, branchId, year, ct), turn.User.Id);
        Append(text, checkIn.Community!.Name, await book.RankAsync(checkIn.CommunityId, null, year, ct), turn.User.Id);
        return Reply.Text(text.ToString());
    }

    private void Append(StringBuilder text, string scope, IReadOnlyList<Ranked> members, int me)
    {
        var mine = members.First(m => m.PersonId == me);
        var shared = members.Count(m => m.Rank == mine.Rank) > 1 ? "（并列）" : "";
        text.Append($"\n在{scope}{members.Count}名党员中排第{mine.Rank}名{shared}，{mine.Points} 分。");
        foreach (var m in members.Take(3))
        {
            var name = m.PersonId == me ? "您" : options.Value.ShowNames ? m.Name : PointsWording.Mask(m.Name);
            text.Append($"\n  第{m.Rank}名 {name} {m.Points} 分");
        }
    }
}
