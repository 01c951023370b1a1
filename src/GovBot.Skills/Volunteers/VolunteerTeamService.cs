using GovBot.Data;
using GovBot.Data.People;
using GovBot.Skills.CheckIns;
using GovBot.Skills.Conversation;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Skills.Volunteers;

public enum JoinResult
{
    Submitted,
    AlreadyMember,
    /// <summary>The person already waits for a decision on this team (<see cref="JoinOutcome.Request"/>).</summary>
    AlreadyPending,
    NoSuchTeam,
}

public sealed record JoinOutcome(JoinResult Result, VolunteerTeam? Team = null, VolunteerJoinRequest? Request = null);

/// <summary>The outcome of a decision; <see cref="Refusal"/> says why not, in Chinese.</summary>
public sealed record JoinDecision(bool Done, string? Refusal = null)
{
    public static readonly JoinDecision Ok = new(true);
    public static JoinDecision No(string why) => new(false, why);
}

/// <summary>
/// Joining a volunteer team: a request that the team's lead, or without one the community's staff and secretary,
/// approve or decline (with a reason) from a card or the staff page. Approval makes the person a member with the
/// Volunteer role, so the team's tasks (and tasks asking for a service they offered) reach them. Every push goes
/// through the outbox with a key of the request, so a retried turn never sends one twice. Changes join the caller's
/// unit of work, as in <see cref="CheckInService"/>.
/// </summary>
public sealed class VolunteerTeamService(GovBotDb db, TimeProvider time)
{
    public const string CardPrefix = "vjoin-";
    public const int MaxReason = 200;

    /// <summary>The teams someone may join: those of their community, then those of no community (county-wide).</summary>
    public Task<List<VolunteerTeam>> TeamsForAsync(Person person, CancellationToken ct)
    {
        var community = person.CommunityId;
        return db.VolunteerTeams.AsNoTracking().Include(t => t.Lead).Include(t => t.Community)
            .Where(t => t.CommunityId == null || t.CommunityId == community)
            .OrderBy(t => t.CommunityId == null).ThenBy(t => t.Id).ToListAsync(ct);
    }

    /// <summary>Ids of the teams the person belongs to.</summary>
    public Task<List<int>> MemberOfAsync(int personId, CancellationToken ct) =>
        db.VolunteerTeamMembers.Where(m => m.PersonId == personId).Select(m => m.VolunteerTeamId).ToListAsync(ct);

    /// <summary>The person's requests still waiting for a decision, with their teams.</summary>
    public Task<List<VolunteerJoinRequest>> PendingOfAsync(int personId, CancellationToken ct) =>
        Query().AsNoTracking().Where(r => r.PersonId == personId && r.Status == VolunteerJoinStatus.Pending)
            .OrderBy(r => r.Id).ToListAsync(ct);

    /// <summary>The person's latest requests, newest first, for 我的申请.</summary>
    public Task<List<VolunteerJoinRequest>> LatestOfAsync(int personId, int take, CancellationToken ct) =>
        Query().AsNoTracking().Where(r => r.PersonId == personId)
            .OrderByDescending(r => r.RequestedAt).ThenByDescending(r => r.Id).Take(take).ToListAsync(ct);

    public Task<VolunteerJoinRequest?> FindAsync(int id, CancellationToken ct) => Query().FirstOrDefaultAsync(r => r.Id == id, ct);

    /// <summary>
    /// Files a request and sends the decider a card with 同意 / 婉拒. Someone already in the team, or already waiting
    /// for it, files nothing and is told so; the filtered unique index settles two requests racing for the same team.
    /// </summary>
    public async Task<JoinOutcome> SubmitAsync(Person person, int teamId, IReadOnlyCollection<string> services, CancellationToken ct)
    {
        var team = await db.VolunteerTeams.Include(t => t.Lead).Include(t => t.Community).FirstOrDefaultAsync(t => t.Id == teamId, ct);
        if (team is null) return new JoinOutcome(JoinResult.NoSuchTeam);
        if (await db.VolunteerTeamMembers.AnyAsync(m => m.VolunteerTeamId == teamId && m.PersonId == person.Id, ct))
            return new JoinOutcome(JoinResult.AlreadyMember, team);
        if (await OpenAsync(person.Id, teamId, ct) is { } open) return new JoinOutcome(JoinResult.AlreadyPending, team, open);

        var now = time.GetUtcNow();
        var request = new VolunteerJoinRequest
        {
            TeamId = team.Id,
            Team = team,
            PersonId = person.Id,
            Person = person,
            Services = string.Join('|', services),
            Status = VolunteerJoinStatus.Pending,
            RequestedAt = now,
        };
        db.VolunteerJoinRequests.Add(request);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another turn filed the same request a moment ago: this one gives way to it.
            db.Entry(request).State = EntityState.Detached;
            if (await OpenAsync(person.Id, teamId, ct) is { } raced) return new JoinOutcome(JoinResult.AlreadyPending, team, raced);
            throw;
        }

        var deciders = await DecidersAsync(team, ct);
        if (deciders.Count > 0)
        {
            var where = person.CompoundId is { } compoundId
                ? await db.Compounds.Where(c => c.Id == compoundId).Select(c => c.Name).FirstOrDefaultAsync(ct)
                : null;
            await db.EnqueuePushAsync(new OutboxPush(Card(request, where), deciders) { SourceKey = $"vjoin:{request.Id}:card" }, now, ct);
        }
        return new JoinOutcome(JoinResult.Submitted, team, request);
    }

    /// <summary>The team's lead decides; a team without one (or whose lead the bot cannot reach) is the community's staff's, or the county's.</summary>
    public static bool CanDecide(VolunteerTeam team, Person actor) =>
        actor.Has(Roles.CountyAdmin)
        || actor.Id == team.LeadPersonId
        || (team.CommunityId is { } community && actor.CommunityId == community && (actor.Roles & (Roles.Staff | Roles.Secretary)) != 0);

    /// <summary>Makes the person a member with the Volunteer role and tells them; saved with the caller's unit of work.</summary>
    public async Task<JoinDecision> ApproveAsync(VolunteerJoinRequest request, Person actor, string? responseCode, CancellationToken ct)
    {
        var team = request.Team!;
        if (Refusal(request, actor) is { } refused) return refused;

        var now = time.GetUtcNow();
        Decide(request, VolunteerJoinStatus.Approved, actor, now);
        var member = request.Person ?? await db.People.FirstAsync(p => p.Id == request.PersonId, ct);
        var membership = await db.VolunteerTeamMembers.FirstOrDefaultAsync(m => m.VolunteerTeamId == team.Id && m.PersonId == member.Id, ct);
        if (membership is null)
            db.VolunteerTeamMembers.Add(new VolunteerTeamMember { VolunteerTeamId = team.Id, PersonId = member.Id, Services = request.Services });
        else if (request.Services.Length > 0)
            membership.Services = request.Services;
        member.Roles |= Roles.Volunteer;

        if (responseCode is not null)
            await db.EnqueuePushAsync(new OutboxPush(new CardUpdate(CardPrefix + request.Id, $"{actor.Name}已同意", responseCode), [])
                { SourceKey = $"vjoin:{request.Id}:card-approved" }, now, ct);
        if (CheckInService.Reachable(member))
            await db.EnqueuePushAsync(new OutboxPush(new TextPart(
                $"好消息：{actor.Name}同意了您加入{team.Name}的申请，欢迎成为志愿者！以后有适合您的志愿任务会推送给您，点「接单」就能参加。"),
                [member.WeComUserId]) { SourceKey = $"vjoin:{request.Id}:approved" }, now, ct);
        return JoinDecision.Ok;
    }

    /// <summary>Declines with a short reason the person is told; saved with the caller's unit of work.</summary>
    public async Task<JoinDecision> DeclineAsync(VolunteerJoinRequest request, Person actor, string reason, string? responseCode, CancellationToken ct)
    {
        var team = request.Team!;
        if (Refusal(request, actor) is { } refused) return refused;
        var why = reason.Trim();
        if (why.Length < 2) return JoinDecision.No("婉拒要说一下原因，会转告本人。");

        var now = time.GetUtcNow();
        Decide(request, VolunteerJoinStatus.Declined, actor, now);
        request.DeclineReason = why.Length > MaxReason ? why[..MaxReason] : why;

        if (responseCode is not null)
            await db.EnqueuePushAsync(new OutboxPush(new CardUpdate(CardPrefix + request.Id, $"{actor.Name}已婉拒", responseCode), [])
                { SourceKey = $"vjoin:{request.Id}:card-declined" }, now, ct);
        var member = request.Person ?? await db.People.FirstAsync(p => p.Id == request.PersonId, ct);
        if (CheckInService.Reachable(member))
            await db.EnqueuePushAsync(new OutboxPush(new TextPart(
                $"您申请加入{team.Name}，这次没有通过，原因：{request.DeclineReason}。谢谢您的热心！说「我想当志愿者」可以看看别的志愿服务队。"),
                [member.WeComUserId]) { SourceKey = $"vjoin:{request.Id}:declined" }, now, ct);
        return JoinDecision.Ok;
    }

    /// <summary>WeCom ids of those who get the card: the lead, else the community's staff and secretary, else the county's admins.</summary>
    private async Task<List<string>> DecidersAsync(VolunteerTeam team, CancellationToken ct)
    {
        if (team.Lead is { } lead && CheckInService.Reachable(lead)) return [lead.WeComUserId];
        var community = team.CommunityId;
        var roles = community is null ? Roles.CountyAdmin : Roles.Staff | Roles.Secretary;
        return await db.People.Where(p => (community == null || p.CommunityId == community) && (p.Roles & roles) != 0)
            .OrderBy(p => p.Id).Select(p => p.WeComUserId).ToListAsync(ct);
    }

    private Task<VolunteerJoinRequest?> OpenAsync(int personId, int teamId, CancellationToken ct) =>
        Query().FirstOrDefaultAsync(r => r.PersonId == personId && r.TeamId == teamId && r.Status == VolunteerJoinStatus.Pending, ct);

    private static void Decide(VolunteerJoinRequest request, VolunteerJoinStatus status, Person actor, DateTimeOffset now)
    {
        request.Status = status;
        request.DecidedAt = now;
        request.DecidedById = actor.Id;
        request.DecidedBy = actor;
    }

    /// <summary>Why the actor may not decide on the request now; null when they may.</summary>
    public static JoinDecision? Refusal(VolunteerJoinRequest request, Person actor)
    {
        if (!CanDecide(request.Team!, actor)) return JoinDecision.No(NotYours(request.Team!));
        if (request.Status != VolunteerJoinStatus.Pending) return AlreadyDecided(request);
        return actor.Id == request.PersonId ? JoinDecision.No("自己的入队申请要由别人审核。") : null;
    }

    private static string NotYours(VolunteerTeam team) =>
        team.LeadPersonId is null ? "只有本社区的工作人员可以审核入队申请。" : $"只有{VolunteerWording.Decider(team)}或社区工作人员可以审核入队申请。";

    private static JoinDecision AlreadyDecided(VolunteerJoinRequest r) => JoinDecision.No(
        $"{r.Person?.Name}的入队申请已由{r.DecidedBy?.Name ?? "其他人"}{(r.Status == VolunteerJoinStatus.Approved ? "同意" : "婉拒")}了。");

    public static CardPart Card(VolunteerJoinRequest r, string? compound) => new(
        "志愿服务队入队申请",
        $"{r.Person!.Name}申请加入{r.Team!.Name}"
            + (compound is null ? "" : $"\n住址：{compound}")
            + $"\n能提供：{VolunteerWording.Services(r.Services)}\n申请时间：{CheckInWording.Date(r.RequestedAt)}",
        [new CardButton($"{VolunteerJoinReviewSkill.SkillName}:approve:{r.Id}", "同意", Primary: true),
            new CardButton($"{VolunteerJoinReviewSkill.SkillName}:decline:{r.Id}", "婉拒")],
        CardPrefix + r.Id);

    private IQueryable<VolunteerJoinRequest> Query() => db.VolunteerJoinRequests
        .Include(r => r.Team!).ThenInclude(t => t.Lead)
        .Include(r => r.Team!).ThenInclude(t => t.Community)
        .Include(r => r.Person).Include(r => r.DecidedBy);
}
