using GovBot.Data.Reports;
using GovBot.Data.Seeding;
using GovBot.Skills.Reports;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Skills.Tests.Reports;

/// <summary>Who may move a report, and what every move leaves behind: an event row and a word to the reporter.</summary>
public sealed class ReportTransitionTests : IAsyncLifetime
{
    private ReportWorld _world = null!;

    public async Task InitializeAsync() => _world = await ReportWorld.StartAsync();

    public Task DisposeAsync()
    {
        _world.Dispose();
        return Task.CompletedTask;
    }

    // Filing, the first move: the report, its first event and the grid worker's card are stored together or not at all.
    [Fact]
    public async Task A_filing_undone_leaves_no_report_no_event_and_no_card_and_the_next_gets_its_ticket()
    {
        var first = await _world.FileAsync(DemoUsers.Resident, "设施损坏", "清华苑一期", 3);

        await _world.WithAsync(async s =>
        {
            await using var transaction = await s.Db.Database.BeginTransactionAsync();
            var person = await s.PersonAsync(DemoUsers.Resident);
            var category = await s.Db.ReportCategories.FirstAsync(c => c.Name == "环境卫生");
            var compound = await s.Db.Compounds.FirstAsync(c => c.Name == "清华苑一期");
            await s.Reports.FileAsync(new NewReport(category.Id, "楼道堆满了杂物", compound.CommunityId) { CompoundId = compound.Id }, person, default);
            await transaction.RollbackAsync();
            return 0;
        });
        var next = await _world.FileAsync(DemoUsers.Resident, "设施损坏", "清华苑一期", 5);

        Assert.Equal("S1001", first.Ticket);
        Assert.Equal("S1002", next.Ticket);
        Assert.Equal(2, await _world.WithAsync(s => s.Db.Reports.CountAsync()));
        Assert.Equal(2, await _world.WithAsync(s => s.Db.ReportEvents.CountAsync()));
        var cards = (await _world.PushesToAsync(DemoUsers.GridWorker)).Select(p => p.Text.Split('\n')[0] + "｜" + p.Text.Split('\n')[1]).ToList();
        Assert.Equal(["居民反映 S1001｜设施损坏｜清华苑一期3号楼", "居民反映 S1002｜设施损坏｜清华苑一期5号楼"], cards);
    }

    [Fact]
    public async Task A_grid_worker_of_another_grid_cannot_accept_handle_reject_or_hand_over()
    {
        // 中隐澜湾 6号楼 is 罗丹's grid; 许国庆 works the same compound's first grid, 郑海燕 another community.
        var report = await _world.FileAsync("songyuxin", "设施损坏", "中隐澜湾", 6);
        foreach (var stranger in new[] { "xuguoqing", "zhenghaiyan" })
        {
            await RefusedAsync(report.Id, Accept(stranger));
            await RefusedAsync(report.Id, Reject(stranger));
            await RefusedAsync(report.Id, HandOver(stranger));
        }

        Assert.True((await Accept("luodan")(report.Id)).Done);
        foreach (var stranger in new[] { "xuguoqing", "zhenghaiyan" })
        {
            await RefusedAsync(report.Id, Handle(stranger));
            await RefusedAsync(report.Id, Deliberate(stranger));
            await RefusedAsync(report.Id, Reject(stranger));
            await RefusedAsync(report.Id, HandOver(stranger));
        }
    }

    [Fact]
    public async Task A_resident_cannot_accept_or_handle_even_their_own_report()
    {
        var report = await _world.FileAsync(DemoUsers.Resident, "设施损坏", "清华苑一期", 3);
        await RefusedAsync(report.Id, Accept(DemoUsers.Resident));
        await RefusedAsync(report.Id, Accept(DemoUsers.Neighbour));

        Assert.True((await Accept(DemoUsers.GridWorker)(report.Id)).Done);
        await RefusedAsync(report.Id, Handle(DemoUsers.Resident));
        await RefusedAsync(report.Id, Reject(DemoUsers.Resident));
    }

    [Fact]
    public async Task Only_the_reporter_can_rate_and_a_handled_report_cannot_be_accepted_again()
    {
        var report = await _world.FileAsync(DemoUsers.Resident, "设施损坏", "清华苑一期", 3);
        Assert.True((await Accept(DemoUsers.GridWorker)(report.Id)).Done);
        Assert.True((await Handle(DemoUsers.GridWorker)(report.Id)).Done);

        await RefusedAsync(report.Id, Rate(DemoUsers.Neighbour));
        await RefusedAsync(report.Id, Rate(DemoUsers.GridWorker));
        await RefusedAsync(report.Id, Accept(DemoUsers.GridWorker));
        await RefusedAsync(report.Id, Accept(DemoUsers.Staff));
        await RefusedAsync(report.Id, Handle(DemoUsers.GridWorker));

        Assert.True((await Rate(DemoUsers.Resident)(report.Id)).Done);
        await RefusedAsync(report.Id, Rate(DemoUsers.Resident));
    }

    [Theory]
    [InlineData(DemoUsers.Staff)]
    [InlineData(DemoUsers.Secretary)]
    [InlineData(DemoUsers.CountyAdmin)]
    public async Task Community_staff_and_the_county_admin_can_work_any_report_of_the_community(string who)
    {
        var report = await _world.FileAsync(DemoUsers.Resident, "设施损坏", "清华苑一期", 3);

        Assert.True((await Accept(who)(report.Id)).Done);
        Assert.True((await Deliberate(who)(report.Id)).Done);
        Assert.True((await Handle(who)(report.Id)).Done);

        var stored = await _world.ReadAsync(report.Id);
        Assert.Equal(ReportStatus.Handled, stored.Status);
        Assert.Equal(await _world.PersonIdAsync(who), stored.AssigneeId);
    }

    [Fact]
    public async Task Staff_of_another_community_cannot()
    {
        var report = await _world.FileAsync(DemoUsers.Resident, "设施损坏", "清华苑一期", 3);
        await RefusedAsync(report.Id, Accept("zhouwenbin"));
        await RefusedAsync(report.Id, Accept("wujing"));
        await RefusedAsync(report.Id, HandOver("zhouwenbin"));
    }

    [Fact]
    public async Task Every_move_writes_an_event_with_actor_and_time_and_tells_the_reporter()
    {
        var report = await _world.FileAsync(DemoUsers.Resident, "设施损坏", "清华苑一期", 3);
        var filed = Assert.Single((await _world.ReadAsync(report.Id)).Events);
        Assert.Equal(("上报", await _world.PersonIdAsync(DemoUsers.Resident), ReportWorld.Start), (filed.Action, filed.ActorId, filed.At));

        await StepAsync(report.Id, Accept(DemoUsers.GridWorker), DemoUsers.GridWorker, "受理", ReportStatus.Reported, ReportStatus.Accepted, "王建军已受理");
        await StepAsync(report.Id, Deliberate(DemoUsers.GridWorker), DemoUsers.GridWorker, "提交协商", ReportStatus.Accepted, ReportStatus.Deliberating, "居民议事会");
        await StepAsync(report.Id, Handle(DemoUsers.GridWorker), DemoUsers.GridWorker, "办结", ReportStatus.Deliberating, ReportStatus.Handled, "已办结");

        // Rating is the reporter's own move: it is recorded, and there is no one left to tell.
        _world.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.True((await Rate(DemoUsers.Resident)(report.Id)).Done);
        var rated = (await _world.ReadAsync(report.Id)).Events[^1];
        Assert.Equal(("评价", await _world.PersonIdAsync(DemoUsers.Resident), _world.Time.GetUtcNow(), ReportStatus.Rated),
            (rated.Action, rated.ActorId, rated.At, rated.To));
    }

    [Fact]
    public async Task Rejecting_and_handing_over_write_an_event_and_tell_the_reporter()
    {
        var rejected = await _world.FileAsync(DemoUsers.Resident, "邻里纠纷", "清华苑一期", 3);
        await StepAsync(rejected.Id, Reject(DemoUsers.GridWorker), DemoUsers.GridWorker, "驳回", ReportStatus.Reported, ReportStatus.Rejected, "不属于");

        var handed = await _world.FileAsync(DemoUsers.Resident, "设施损坏", "清华苑一期", 5);
        await StepAsync(handed.Id, HandOver(DemoUsers.GridWorker), DemoUsers.GridWorker, ReportService.HandOverAction, ReportStatus.Reported, ReportStatus.Reported, "转交清泉湖社区");
    }

    private async Task StepAsync(int reportId, Func<int, Task<Transition>> move, string actor, string action, ReportStatus from, ReportStatus to, string told)
    {
        _world.Time.Advance(TimeSpan.FromMinutes(5));
        var now = _world.Time.GetUtcNow();
        var before = (await _world.PushesToAsync(DemoUsers.Resident)).Count;

        var result = await move(reportId);

        Assert.True(result.Done, result.Refusal);
        var last = (await _world.ReadAsync(reportId)).Events[^1];
        Assert.Equal((action, await _world.PersonIdAsync(actor), now, from, to), (last.Action, last.ActorId, last.At, last.From, last.To));
        var pushes = await _world.PushesToAsync(DemoUsers.Resident);
        var push = Assert.Single(pushes.Skip(before));
        Assert.Equal(now, push.Row.CreatedAt);
        Assert.Contains(told, push.Text);
    }

    /// <summary>The move is refused with a reason, and the report, its events and the outbox are as they were.</summary>
    private async Task RefusedAsync(int reportId, Func<int, Task<Transition>> move)
    {
        var before = await SnapshotAsync(reportId);
        var result = await move(reportId);
        Assert.False(result.Done);
        Assert.False(string.IsNullOrWhiteSpace(result.Refusal));
        Assert.Equal(before, await SnapshotAsync(reportId));
    }

    private async Task<string> SnapshotAsync(int reportId)
    {
        var r = await _world.ReadAsync(reportId);
        var outbox = await _world.WithAsync(s => Task.FromResult(s.Db.Outbox.Count()));
        return $"{r.Status}|{r.AssigneeId}|{r.GridId}|{r.HandedTo}|{r.Stars}|{string.Join(",", r.Events.Select(e => e.Id))}|{outbox}";
    }

    private Func<int, Task<Transition>> Accept(string who) => id => _world.MoveAsync(id, who, (s, r, p) => s.AcceptAsync(r, p, null, default));
    private Func<int, Task<Transition>> Deliberate(string who) => id => _world.MoveAsync(id, who, (s, r, p) => s.DeliberateAsync(r, p, "居民议事会", default));
    private Func<int, Task<Transition>> Handle(string who) => id => _world.MoveAsync(id, who, (s, r, p) => s.HandleAsync(r, p, "已经修好了", [], default));
    private Func<int, Task<Transition>> Reject(string who) => id => _world.MoveAsync(id, who, (s, r, p) => s.RejectAsync(r, p, "不属于社区管理范围", default));
    private Func<int, Task<Transition>> HandOver(string who) => id => _world.MoveAsync(id, who, (s, r, p) => s.HandOverAsync(r, p, HandoverTarget.Community, null, default));
    private Func<int, Task<Transition>> Rate(string who) => id => _world.MoveAsync(id, who, (s, r, p) => s.RateAsync(r, p, 5, default));
}
