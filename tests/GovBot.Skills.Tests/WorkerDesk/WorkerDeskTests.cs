using GovBot.Data.People;
using GovBot.Data.Reports;
using GovBot.Data.Seeding;
using GovBot.Skills.CheckIns;
using GovBot.Skills.Conversation;
using GovBot.Skills.MyRequests;
using GovBot.Skills.Points;
using GovBot.Skills.Reports;
using GovBot.Skills.Tests.Nlu;
using GovBot.Skills.Tests.Reports;
using GovBot.Skills.Wishes;
using GovBot.Skills.WorkerDesk;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovBot.Skills.Tests.WorkerDesk;

/// <summary>
/// 我的待办, 今日巡查 and 待审核 as grid workers and staff ask for them in the chat, against the demo county in a real
/// SQLite file on a fake clock: each person sees their own grids or community and nothing of anyone else's.
/// </summary>
public sealed class WorkerDeskTests : IAsyncLifetime
{
    private const string Wang = DemoUsers.GridWorker, Zhao = DemoUsers.Staff, Li = DemoUsers.Secretary;
    private const string Zhang = DemoUsers.Resident, Liu = DemoUsers.Neighbour;
    private const string Xu = "xuguoqing", Luo = "luodan", Song = "songyuxin", Gao = "gaoyaqin";

    private ReportWorld _world = null!;

    public async Task InitializeAsync() => _world = await ReportWorld.StartAsync();

    public Task DisposeAsync()
    {
        _world.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_report_is_on_its_grid_workers_todo_with_the_time_left_and_on_nobody_elses()
    {
        var report = await _world.FileAsync(Zhang, "设施损坏", "清华苑一期", 3);

        var todo = await SayAsync(Wang, "我的待办");
        foreach (var part in new[] { "您的待办共1件", report.Ticket, "设施损坏", "清华苑一期3号楼", "待受理", "受理还剩2小时", $"受理 {report.Ticket}" })
            Assert.Contains(part, todo);
        _world.Time.Advance(TimeSpan.FromMinutes(30));
        Assert.Contains("受理还剩1小时30分钟", await SayAsync(Wang, "我手上还有啥"));

        // Past the limit the list says by how much, as the sweep that escalates it reckons.
        _world.Time.Advance(TimeSpan.FromMinutes(91));
        Assert.Equal(1, (await _world.SweepAsync()).AcceptEscalations);
        Assert.Contains("受理已超时1分钟", await SayAsync(Wang, "还有几件没办"));

        // Staff of the community (the grid has its worker), a worker of another community, neighbours: not theirs.
        Assert.DoesNotContain(report.Ticket, await SayAsync(Zhao, "我的待办"));
        Assert.DoesNotContain(report.Ticket, await SayAsync(Xu, "我的待办"));
        Assert.DoesNotContain(report.Ticket, await SayAsync(Liu, "我的待办"));
        // The resident who filed it gets her own 我的事项, not a worker's list.
        var own = await SayAsync(Zhang, "我的待办");
        Assert.Contains("您最近的事项", own);
        Assert.Contains(report.Ticket, own);
        Assert.DoesNotContain("您的待办", own);
    }

    [Fact]
    public async Task A_worker_accepts_and_handles_by_text_and_the_todo_then_counts_the_handling_limit()
    {
        var report = await _world.FileAsync(Zhang, "飞线充电", "清华苑一期", 3);

        // A resident's words that name the ticket stay a question, and nobody else may move it.
        Assert.Contains("不是您反映的问题", await SayAsync(Liu, $"受理 {report.Ticket}"));
        Assert.Contains("不在您负责的网格", await SayAsync(Xu, $"受理 {report.Ticket}"));
        Assert.Contains("已上报", await SayAsync(Zhang, $"{report.Ticket}办结了吗"));
        Assert.Equal(ReportStatus.Reported, (await _world.ReadAsync(report.Id)).Status);

        Assert.Contains($"已受理 {report.Ticket}", await SayAsync(Wang, $"受理 {report.Ticket}"));
        Assert.Equal(ReportStatus.Accepted, (await _world.ReadAsync(report.Id)).Status);
        _world.Time.Advance(TimeSpan.FromHours(1));
        var todo = await SayAsync(Wang, "待办");
        Assert.Contains("办理中，办结还剩23小时", todo);

        var (reply, dialog) = await TurnAsync(Wang, $"办结 {report.Ticket}");
        Assert.Contains("处理结果", reply);
        Assert.Equal("casework", dialog?.Skill);
    }

    [Fact]
    public async Task A_compound_of_several_grids_waits_on_each_of_its_workers_until_one_accepts()
    {
        var gate = await _world.FileAsync(Song, "乱停乱放", "中隐澜湾", placeNote: "东门口");
        var building = await _world.FileAsync(Song, "环境卫生", "中隐澜湾", 6);

        var xu = await SayAsync(Xu, "我的待办");
        Assert.Contains(gate.Ticket, xu);
        Assert.DoesNotContain(building.Ticket, xu); // 6号楼 is in 罗丹's grid
        var luo = await SayAsync(Luo, "我的待办");
        Assert.Contains(gate.Ticket, luo);
        Assert.Contains(building.Ticket, luo);
        // Oldest first.
        Assert.True(luo.IndexOf(gate.Ticket, StringComparison.Ordinal) < luo.IndexOf(building.Ticket, StringComparison.Ordinal));

        Assert.Contains("已受理", await SayAsync(Luo, $"我来受理{gate.Ticket}"));
        Assert.DoesNotContain(gate.Ticket, await SayAsync(Xu, "我的待办"));
        Assert.Contains(gate.Ticket, await SayAsync(Luo, "我的待办"));
        Assert.DoesNotContain(gate.Ticket, await SayAsync(Wang, "我的待办"));
    }

    [Fact]
    public async Task Handed_to_the_community_a_report_waits_on_its_staff_with_a_fresh_limit()
    {
        var report = await _world.FileAsync(Zhang, "设施损坏", "清华苑一期", 3);
        await _world.MoveAsync(report.Id, Wang, (r, rep, p) => r.AcceptAsync(rep, p, null, default));
        _world.Time.Advance(TimeSpan.FromHours(5));
        await _world.MoveAsync(report.Id, Wang, (r, rep, p) => r.HandOverAsync(rep, p, HandoverTarget.Community, null, default));

        foreach (var staff in new[] { Zhao, Li })
        {
            var todo = await SayAsync(staff, "我的待办");
            Assert.Contains(report.Ticket, todo);
            Assert.Contains("转交社区，待受理，受理还剩2小时", todo);
        }
        Assert.DoesNotContain(report.Ticket, await SayAsync(Wang, "我的待办"));
        Assert.DoesNotContain(report.Ticket, await SayAsync(Gao, "我的待办"));
        Assert.Contains("您手上没有待办的事", await SayAsync(Wang, "我的待办"));
    }

    [Fact]
    public async Task Todays_patrol_lists_the_open_reports_of_my_grids_by_place_as_the_morning_push_does()
    {
        var first = await _world.FileAsync(Zhang, "设施损坏", "清华苑一期", 3);
        var second = await _world.FileAsync(Liu, "环境卫生", "清华苑一期", 5);
        var third = await _world.FileAsync(Zhang, "噪音扰民", "清华苑一期", 3);
        var elsewhere = await _world.FileAsync(Song, "环境卫生", "中隐澜湾", 6);

        var patrol = await SayAsync(Wang, "今天巡查啥");
        Assert.Contains("【日巡查】", patrol);
        Assert.Contains("还有3件事没办完", patrol);
        Assert.DoesNotContain(elsewhere.Ticket, patrol);
        // One heading per place, its reports under it.
        var lines = patrol.Split('\n');
        Assert.Single(lines, l => l == "清华苑一期3号楼：");
        var at3 = Array.IndexOf(lines, "清华苑一期3号楼：");
        var at5 = Array.IndexOf(lines, "清华苑一期5号楼：");
        Assert.True(at3 >= 0 && at5 > at3, patrol);
        Assert.StartsWith($"· {first.Ticket} 设施损坏", lines[at3 + 1]);
        Assert.StartsWith($"· {third.Ticket} 噪音扰民", lines[at3 + 2]);
        Assert.StartsWith($"· {second.Ticket} 环境卫生", lines[at5 + 1]);

        // The same list the 08:00 push sends.
        var today = Skills.Reminders.ChinaTime.Today(_world.Time.GetUtcNow());
        var pushed = await _world.WithAsync(async s => GridPatrol.Text(today, await new GridPatrol(s.Db).OfWorkerAsync((await s.PersonAsync(Wang)).Id, default)));
        Assert.StartsWith(pushed, patrol);

        Assert.Contains("没有没办完的事", await SayAsync(Xu, "巡查清单"));
        Assert.Contains("「今日巡查」是网格员用的。您可以说「我的待办」或「待审核」", await SayAsync(Zhao, "今日巡查"));
    }

    [Fact]
    public async Task Check_ins_and_wishes_waiting_for_review_show_to_their_own_communitys_staff_only()
    {
        await _world.WithAsync(async s =>
        {
            var chen = await s.PersonAsync(DemoUsers.InServicePartyMember);
            var compound = await s.Db.Compounds.FirstAsync(c => c.Name == "清华苑一期");
            var building = await s.Db.Buildings.FirstAsync(b => b.CompoundId == compound.Id && b.Number == 3);
            await new CheckInService(s.Db, _world.Time).SubmitAsync(chen,
                new CheckInDraft("陈志强", PartyMemberKind.InService, compound.Id, "13803510006") { BuildingId = building.Id }, default);
            await Wishes(s).PostAsync(await s.PersonAsync(Zhang), "想请人帮忙买一袋面送上楼", default);
            await s.Db.SaveChangesAsync();
            return 0;
        });

        foreach (var staff in new[] { Zhao, Li })
        {
            var pending = await SayAsync(staff, "有几个报到要审");
            foreach (var part in new[] { "清泉湖社区待审核", "双报到1件", "陈志强，在职党员，清华苑一期3号楼", "微心愿1件", "张丽：想请人帮忙买一袋面送上楼", "「通过」" })
                Assert.Contains(part, pending);
            Assert.DoesNotContain("13803510006", pending);
        }
        Assert.Contains("另有待审核：双报到1件、微心愿1件", await SayAsync(Zhao, "我的待办"));
        Assert.Contains("金沙滩社区暂时没有待审核", await SayAsync(Gao, "待审核"));
        Assert.Contains("是社区工作人员用的", await SayAsync(Wang, "心愿审核"));
        Assert.DoesNotContain("陈志强", await SayAsync(Zhang, "待审核"));
    }

    [Theory]
    [InlineData("受理 S1001", CaseworkSkill.Accept)]
    [InlineData("s1001受理", CaseworkSkill.Accept)]
    [InlineData("我来受理S1001", CaseworkSkill.Accept)]
    [InlineData("办结 S1001", CaseworkSkill.Handle)]
    [InlineData("S1001 办结了", CaseworkSkill.Handle)]
    [InlineData("转交S1001", CaseworkSkill.Handover)]
    [InlineData("协商 S1001", CaseworkSkill.Deliberate)]
    [InlineData("驳回 S1001！", CaseworkSkill.Reject)]
    [InlineData("S1001办结了吗", null)]
    [InlineData("查进度 S1001", null)]
    [InlineData("S1001", null)]
    [InlineData("S1001受理了没有", null)]
    public void Only_a_bare_verb_and_ticket_is_a_move(string text, string? move) => Assert.Equal(move, CaseworkCommand.Verb(text, "S1001"));

    private Task<string> SayAsync(string user, string text) => TurnAsync(user, text).ContinueWith(t => t.Result.Reply, TaskScheduler.Default);

    /// <summary>One turn of 我的事项 as the engine gives it, committed when it changed something.</summary>
    private Task<(string Reply, DialogState? Dialog)> TurnAsync(string user, string text) => _world.WithAsync(async s =>
    {
        var person = await s.PersonAsync(user);
        var now = _world.Time.GetUtcNow();
        var turn = new TurnContext(IncomingMessage.FromText(user, text, now), person, null, NluTestSupport.Router.Parse(text), now);
        var reply = await Skill(s).StartAsync(turn, default);
        if (s.Db.ChangeTracker.HasChanges()) await s.Db.SaveChangesAsync();
        return (reply.ToPlainText(), turn.Dialog);
    });

    private MyRequestsSkill Skill(ReportWorld.Step s)
    {
        var checkIns = new CheckInService(s.Db, _world.Time);
        var reviews = new ReviewQueue(s.Db, new CheckInRoster(s.Db, checkIns, _world.Time), Wishes(s));
        var patrol = new GridPatrol(s.Db);
        return new MyRequestsSkill(
            [new ReportRequestsSource(s.Db, s.Reports), new CheckInRequestsSource(checkIns)],
            [new PatrolView(patrol), new ReviewView(reviews), new TodoView(new WorkQueue(s.Db, s.Reports, s.Routing), reviews)],
            [new CaseworkCommand(new CaseworkSkill(s.Db, s.Reports), s.Reports)]);
    }

    private WishService Wishes(ReportWorld.Step s) =>
        new(s.Db, new PointsLedger(s.Db, _world.Time, Options.Create(new PointsOptions())), _world.Time);
}
