using System.Globalization;
using GovBot.Data;
using GovBot.Data.People;
using GovBot.Skills.Conversation;
using GovBot.Skills.Conversation.Forms;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Skills.Volunteers;

/// <summary>
/// 我想当志愿者: the teams of the resident's community (and county-wide ones) with what each does, a pick by number or
/// in words, the services they can offer (optional), a summary, then a request that the team's lead or the community's
/// staff approve from a card. Teams the person is already in, or waits for, are named first and not offered again.
/// </summary>
public sealed class VolunteerJoinSkill(GovBotDb db, VolunteerTeamService teams) : FormSkill
{
    public const string SkillName = "volunteer";
    private const string TeamSlot = "team", ServicesSlot = "services";

    private List<VolunteerTeam>? _open;
    private List<string>? _services;

    public override string Name => SkillName;
    public override string Topic => "入队申请";
    public override IReadOnlyCollection<string> Intents { get; } = [Nlu.Intents.Volunteer];
    public override MenuEntry? Menu => new("加入志愿服务队", "我想当志愿者", Order: 45);

    protected override string ConfirmHeading => "请核对您的入队申请：";

    protected override IReadOnlyList<Slot> Slots =>
    [
        new(TeamSlot, "志愿服务队", "想加入哪个队？回复序号或队名。", "1 或「红色唠嗑队」")
        {
            Choices = async (turn, _, ct) => (await OpenTeamsAsync(turn.User, ct)).Select(VolunteerWording.Line).ToList(),
            Parse = async (turn, _, text, ct) => TeamValue(await OpenTeamsAsync(turn.User, ct), text, allowNumber: true),
        },
        new(ServicesSlot, "能提供的服务", "您能提供哪些服务？可以多选，比如回复「1 3」；没有特别的就回复「跳过」。", "1 3、「理发和维修」或「跳过」")
        {
            Multiple = true,
            Choices = async (_, _, ct) => await ServicesAsync(ct),
            Parse = async (_, _, text, ct) => VolunteerWording.ReadServices(text, await ServicesAsync(ct)),
        },
    ];

    public override async Task<Reply> StartAsync(TurnContext turn, CancellationToken ct)
    {
        var user = turn.User;
        var all = await teams.TeamsForAsync(user, ct);
        if (all.Count == 0) return Reply.Text(await NoTeamsAsync(user, ct));

        var memberOf = await teams.MemberOfAsync(user.Id, ct);
        var pending = await teams.PendingOfAsync(user.Id, ct);
        var known = new List<string>();
        foreach (var team in all.Where(t => memberOf.Contains(t.Id))) known.Add($"您已经是{team.Name}的队员了。");
        foreach (var r in pending) known.Add($"您申请加入{r.Team!.Name}的事还在等{VolunteerWording.Decider(r.Team)}审核，同意后会通知您。");
        var open = _open = all.Where(t => !memberOf.Contains(t.Id) && pending.All(r => r.TeamId != t.Id)).ToList();
        var said = known.Count > 0 ? string.Join("\n", known) + "\n" : "";

        // 「我想加入红色唠嗑队」: a team named at the start is taken as the pick; one already joined is answered at once.
        if (VolunteerWording.Match(turn.Text, all, allowNumber: false) is { } named && open.All(t => t.Id != all[named].Id))
            return Reply.Text(said + (open.Count > 0 ? "想加入别的队，说「我想当志愿者」再选一个。" : "有志愿任务会推送给您，点「接单」就能参加。"));
        if (open.Count == 0)
            return Reply.Text(said + "您所在社区的志愿服务队都已经加入或申请了。有志愿任务会推送给您，点「接单」就能参加。");

        var first = await base.StartAsync(turn, ct);
        var welcome = (turn.Dialog?.Slot(TeamSlot), known.Count) switch
        {
            ({ } picked, _) => said + $"好的，报名加入{open.First(t => t.Id.ToString(CultureInfo.InvariantCulture) == picked).Name}，队长或社区同意后就能参加活动。",
            (null, > 0) => said + "还可以加入这些队：",
            _ => $"欢迎加入志愿者队伍！{Where(user, all)}的志愿服务队有这些，选一个报名，队长或社区同意后就能参加活动。",
        };
        return Reply.Text(welcome).Then(first);
    }

    protected override async Task<DialogState> PrepareAsync(TurnContext turn, DialogState form, CancellationToken ct)
    {
        var open = await OpenTeamsAsync(turn.User, ct);
        return TeamValue(open, turn.Text, allowNumber: false) is { } named ? Set(form, Slots[0], named) : form;
    }

    protected override async Task<Reply> CompleteAsync(TurnContext turn, DialogState form, CancellationToken ct)
    {
        var services = (form.Slot(ServicesSlot) ?? "").Split('|', StringSplitOptions.RemoveEmptyEntries);
        var outcome = await teams.SubmitAsync(turn.User, int.Parse(form.Slot(TeamSlot)!, CultureInfo.InvariantCulture), services, ct);
        return Reply.Text(outcome switch
        {
            { Result: JoinResult.Submitted, Team: { } team } =>
                $"申请已提交！{VolunteerWording.Decider(team)}同意后会通知您。说「我的申请」可以随时查看。",
            { Result: JoinResult.AlreadyPending, Team: { } team } =>
                $"您已经申请过加入{team.Name}了，正在等{VolunteerWording.Decider(team)}审核，不用再报。",
            { Result: JoinResult.AlreadyMember, Team: { } team } => $"您已经是{team.Name}的队员了。",
            _ => "这个志愿服务队已经不在了，说「我想当志愿者」看看现在有哪些队。",
        });
    }

    /// <summary>Teams the person could still ask to join: not in them, not waiting for them.</summary>
    private async Task<List<VolunteerTeam>> OpenTeamsAsync(Person user, CancellationToken ct)
    {
        if (_open is not null) return _open;
        var memberOf = await teams.MemberOfAsync(user.Id, ct);
        var pending = (await teams.PendingOfAsync(user.Id, ct)).Select(r => r.TeamId).ToList();
        return _open = (await teams.TeamsForAsync(user, ct)).Where(t => !memberOf.Contains(t.Id) && !pending.Contains(t.Id)).ToList();
    }

    private static SlotValue? TeamValue(List<VolunteerTeam> open, string text, bool allowNumber) =>
        VolunteerWording.Match(text, open, allowNumber) is { } i
            ? new SlotValue(open[i].Id.ToString(CultureInfo.InvariantCulture), open[i].Name)
            : null;

    private async Task<List<string>> ServicesAsync(CancellationToken ct) =>
        _services ??= await db.VolunteerServiceKinds.AsNoTracking().Where(s => s.Active).OrderBy(s => s.SortOrder).Select(s => s.Name).ToListAsync(ct);

    private static string Where(Person user, List<VolunteerTeam> all) =>
        all.FirstOrDefault(t => t.CommunityId == user.CommunityId && t.CommunityId is not null)?.Community?.Name ?? "县里";

    private async Task<string> NoTeamsAsync(Person user, CancellationToken ct)
    {
        if (user.CommunityId is not { } communityId)
            return "还不知道您住在哪个社区，志愿服务队都在社区里组建。请联系您所在社区的工作人员登记住址，再来说「我想当志愿者」。";
        var community = await db.Communities.AsNoTracking().Where(c => c.Id == communityId).Select(c => new { c.Name, c.Phone }).FirstAsync(ct);
        var ask = community.Phone is { Length: > 0 } phone ? $"打社区电话{phone}问问" : "到社区问问";
        return $"{community.Name}还没有组建志愿服务队。想参与的话可以{ask}；有志愿服务活动时，说「预约理发」这样的话就能报名参加。";
    }
}
