using GovBot.Data;
using GovBot.Data.People;
using GovBot.Data.Seeding;
using GovBot.TestSupport;
using GovBot.Skills.Conversation;
using GovBot.Skills.Services;
using GovBot.Skills.Volunteers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace GovBot.Skills.Tests.Volunteers;

/// <summary>
/// Joining volunteer teams against a real SQLite file: who gets the card, who may decide, what the applicant is told,
/// and that an approved member is then reached by the tasks that match them. Each step uses a fresh context, as turns do.
/// </summary>
public sealed class VolunteerTeamServiceTests : IAsyncLifetime
{
    private readonly TestStore _store = new();
    private readonly FakeTimeProvider _time = new(TestStore.SeedTime.AddDays(2));

    public async Task InitializeAsync()
    {
        await using var _ = await _store.MigratedAndSeededAsync();
    }

    public Task DisposeAsync()
    {
        _store.Dispose();
        return Task.CompletedTask;
    }

    private async Task<T> InStepAsync<T>(Func<VolunteerTeamService, GovBotDb, Task<T>> work)
    {
        await using var db = _store.CreateDb();
        var result = await work(new VolunteerTeamService(db, _time), db);
        await db.SaveChangesAsync();
        return result;
    }

    private Task<JoinOutcome> JoinAsync(string user, string team, params string[] services) => InStepAsync(async (s, db) =>
    {
        var person = await db.People.FirstAsync(p => p.WeComUserId == user);
        var teamId = await db.VolunteerTeams.Where(t => t.Name == team).Select(t => t.Id).SingleAsync();
        return await s.SubmitAsync(person, teamId, services, default);
    });

    private Task<JoinDecision> DecideAsync(int requestId, string actor, bool approve, string reason = "", string? code = null) => InStepAsync(async (s, db) =>
    {
        var request = (await s.FindAsync(requestId, default))!;
        var person = await db.People.FirstAsync(p => p.WeComUserId == actor);
        return approve ? await s.ApproveAsync(request, person, code, default) : await s.DeclineAsync(request, person, reason, code, default);
    });

    private Task<List<(string To, string? Key, ReplyPart Part)>> OutboxAsync() => InStepAsync(async (_, db) =>
        (await db.Outbox.OrderBy(o => o.Id).ToListAsync()).Select(o => (o.ToUsers, o.SourceKey, OutboxExtensions.DeserializePayload(o.PayloadJson))).ToList());

    private Task<Person> PersonAsync(string user) => InStepAsync((_, db) => db.People.AsNoTracking().FirstAsync(p => p.WeComUserId == user));

    [Fact]
    public async Task The_lead_gets_the_card_and_approving_makes_a_member_with_the_volunteer_role_who_is_told_once()
    {
        var joined = await JoinAsync(DemoUsers.Neighbour, "红色唠嗑队", "维修");
        Assert.Equal(JoinResult.Submitted, joined.Result);
        var id = joined.Request!.Id;
        var card = Assert.Single(await OutboxAsync());
        Assert.Equal(DemoUsers.PartyCenterHousehold, card.To);
        Assert.Equal($"vjoin:{id}:card", card.Key);
        var part = Assert.IsType<CardPart>(card.Part);
        Assert.Contains("刘洋申请加入红色唠嗑队", part.Description);
        Assert.Contains("住址：清华苑一期", part.Description);
        Assert.DoesNotContain("13803510005", part.Description);

        // Staff of another community, the grid worker and the applicant cannot decide; nothing changes.
        foreach (var outsider in new[] { "zhouwenbin", DemoUsers.GridWorker, DemoUsers.Neighbour })
            Assert.False((await DecideAsync(id, outsider, approve: true)).Done);
        Assert.False(await InStepAsync((_, db) => db.VolunteerTeamMembers.AnyAsync(m => m.Person!.WeComUserId == DemoUsers.Neighbour)));

        Assert.True((await DecideAsync(id, DemoUsers.PartyCenterHousehold, approve: true, code: "tap-1")).Done);
        var member = await InStepAsync((_, db) => db.VolunteerTeamMembers.Include(m => m.Team).SingleAsync(m => m.Person!.WeComUserId == DemoUsers.Neighbour));
        Assert.Equal(("红色唠嗑队", "维修"), (member.Team!.Name, member.Services));
        Assert.True((await PersonAsync(DemoUsers.Neighbour)).Has(Roles.Volunteer));

        var again = await DecideAsync(id, DemoUsers.Secretary, approve: true, code: "tap-2");
        Assert.Equal("刘洋的入队申请已由郭秀英同意了。", again.Refusal);
        var pushes = (await OutboxAsync()).Skip(1).ToList();
        Assert.Equal(2, pushes.Count);
        Assert.Equal(($"vjoin:{id}:card-approved", "郭秀英已同意"), (pushes[0].Key, Assert.IsType<CardUpdate>(pushes[0].Part).ReplacementText));
        Assert.Equal((DemoUsers.Neighbour, $"vjoin:{id}:approved"), (pushes[1].To, pushes[1].Key));
        Assert.Contains("郭秀英同意了您加入红色唠嗑队的申请", Assert.IsType<TextPart>(pushes[1].Part).Text);

        Assert.Equal(JoinResult.AlreadyMember, (await JoinAsync(DemoUsers.Neighbour, "红色唠嗑队")).Result);
    }

    [Fact]
    public async Task Without_a_lead_the_community_staff_get_the_card_and_asking_twice_files_one_request()
    {
        var first = await JoinAsync(DemoUsers.Resident, "快递小哥志愿服务队");
        var second = await JoinAsync(DemoUsers.Resident, "快递小哥志愿服务队", "理发");
        Assert.Equal((JoinResult.Submitted, JoinResult.AlreadyPending), (first.Result, second.Result));
        Assert.Equal(first.Request!.Id, second.Request!.Id);
        Assert.Equal(1, await InStepAsync((_, db) => db.VolunteerJoinRequests.CountAsync()));
        var card = Assert.Single(await OutboxAsync());
        Assert.Equal(new[] { DemoUsers.Secretary, DemoUsers.Staff }.Order(), card.To.Split('|').Order());

        // A member of the team who is not staff (马小龙) cannot decide for it.
        Assert.False((await DecideAsync(first.Request.Id, DemoUsers.MobilePartyMember, approve: true)).Done);
        Assert.True((await DecideAsync(first.Request.Id, DemoUsers.Staff, approve: true)).Done);
        Assert.Equal(JoinResult.AlreadyMember, (await JoinAsync(DemoUsers.Resident, "快递小哥志愿服务队")).Result);
    }

    [Fact]
    public async Task Declining_needs_a_reason_the_applicant_is_told_and_they_may_ask_again()
    {
        var id = (await JoinAsync(DemoUsers.Resident, "红色唠嗑队")).Request!.Id;
        Assert.Equal("婉拒要说一下原因，会转告本人。", (await DecideAsync(id, DemoUsers.PartyCenterHousehold, approve: false, reason: " ")).Refusal);
        Assert.True((await DecideAsync(id, DemoUsers.PartyCenterHousehold, approve: false, reason: "这一批人满了")).Done);

        var request = await InStepAsync((s, _) => s.FindAsync(id, default));
        Assert.Equal((VolunteerJoinStatus.Declined, "这一批人满了", "郭秀英"), (request!.Status, request.DeclineReason, request.DecidedBy!.Name));
        var told = (await OutboxAsync()).Single(p => p.Key == $"vjoin:{id}:declined");
        Assert.Equal(DemoUsers.Resident, told.To);
        Assert.Contains("原因：这一批人满了", Assert.IsType<TextPart>(told.Part).Text);
        Assert.False((await PersonAsync(DemoUsers.Resident)).Has(Roles.Volunteer));

        Assert.Equal(JoinResult.Submitted, (await JoinAsync(DemoUsers.Resident, "红色唠嗑队")).Result);
        Assert.Equal(2, await InStepAsync((_, db) => db.VolunteerJoinRequests.CountAsync(r => r.Person!.WeComUserId == DemoUsers.Resident)));
    }

    [Fact]
    public async Task Staff_cannot_approve_their_own_request()
    {
        var id = (await JoinAsync(DemoUsers.Staff, "快递小哥志愿服务队")).Request!.Id;
        Assert.Equal("自己的入队申请要由别人审核。", (await DecideAsync(id, DemoUsers.Staff, approve: true)).Refusal);
        Assert.True((await DecideAsync(id, DemoUsers.Secretary, approve: true)).Done);
    }

    [Fact]
    public async Task A_county_wide_team_is_offered_in_every_community_and_without_a_lead_the_county_admin_decides()
    {
        await InStepAsync((_, db) =>
        {
            db.VolunteerTeams.Add(new VolunteerTeam { Name = "县蓝天救援队", Description = "应急救援" });
            return Task.FromResult(0);
        });
        var teamsOf = async (string user) => await InStepAsync(async (s, db) =>
            (await s.TeamsForAsync(await db.People.FirstAsync(p => p.WeComUserId == user), default)).Select(t => t.Name).ToList());
        Assert.Equal(["红色唠嗑队", "快递小哥志愿服务队", "县蓝天救援队"], await teamsOf(DemoUsers.Resident));
        Assert.Equal(["“放学来吧”社区课堂志愿服务队", "县蓝天救援队"], await teamsOf(DemoUsers.XiangyuanResident));

        var id = (await JoinAsync(DemoUsers.XiangyuanResident, "县蓝天救援队")).Request!.Id;
        Assert.Equal(DemoUsers.CountyAdmin, (await OutboxAsync()).Single().To);
        Assert.False((await DecideAsync(id, DemoUsers.Secretary, approve: true)).Done);
        Assert.True((await DecideAsync(id, DemoUsers.CountyAdmin, approve: true)).Done);
    }

    [Fact]
    public async Task An_approved_member_gets_the_team_tasks_and_community_tasks_asking_for_a_service_they_offered()
    {
        var id = (await JoinAsync(DemoUsers.Neighbour, "快递小哥志愿服务队", "维修", "理发")).Request!.Id;
        Assert.True((await DecideAsync(id, DemoUsers.Secretary, approve: true)).Done);

        async Task<IReadOnlyList<string>> AskedAsync(string title, bool forTeam, params string[] skills)
        {
            await using var db = _store.CreateDb();
            var tasks = new VolunteerTaskService(db, _time);
            var staff = await db.People.FirstAsync(p => p.WeComUserId == DemoUsers.Staff);
            var teamId = await db.VolunteerTeams.Where(t => t.Name == "快递小哥志愿服务队").Select(t => t.Id).SingleAsync();
            var start = _time.GetUtcNow().AddDays(1);
            var task = await tasks.CreateAsync(new TaskDraft(title, "清华苑一期", start, start.AddHours(2), 5, staff.CommunityId!.Value)
            {
                TeamId = forTeam ? teamId : null,
                Skills = skills,
            }, staff, default);
            return await db.TaskOffers.Where(o => o.TaskId == task.Id).Select(o => o.Person!.WeComUserId).ToListAsync();
        }

        Assert.Contains(DemoUsers.Neighbour, await AskedAsync("帮孤寡老人代取件", forTeam: true));
        Assert.Contains(DemoUsers.Neighbour, await AskedAsync("修楼道扶手", forTeam: false, "维修"));
        Assert.DoesNotContain(DemoUsers.Neighbour, await AskedAsync("普法讲座", forTeam: false, "法律宣传"));
    }

    [Theory]
    [InlineData("2", "快递小哥志愿服务队")]
    [InlineData("红色唠嗑队", "红色唠嗑队")]
    [InlineData("唠嗑队", "红色唠嗑队")]
    [InlineData("快递小哥那个", "快递小哥志愿服务队")]
    [InlineData("我想进送快递的那个队", "快递小哥志愿服务队")]
    [InlineData("党员那个", null)]
    [InlineData("志愿队", null)]
    [InlineData("随便", null)]
    public void A_team_is_picked_by_number_or_in_words(string answer, string? expected)
    {
        VolunteerTeam[] teams = [new() { Name = "红色唠嗑队" }, new() { Name = "快递小哥志愿服务队" }];
        var index = VolunteerWording.Match(answer, teams);
        Assert.Equal(expected, index is { } i ? teams[i].Name : null);
    }
}
