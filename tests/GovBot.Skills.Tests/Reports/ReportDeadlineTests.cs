using GovBot.Data.Reports;
using GovBot.Data.Seeding;
using GovBot.Skills.Reports;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Skills.Tests.Reports;

/// <summary>Time limits per category, escalation to the community secretary once, and the rating period.</summary>
public sealed class ReportDeadlineTests : IAsyncLifetime
{
    private ReportWorld _world = null!;

    public async Task InitializeAsync() => _world = await ReportWorld.StartAsync();

    public Task DisposeAsync()
    {
        _world.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_report_not_accepted_in_time_goes_to_the_secretary_once()
    {
        var report = await _world.FileAsync(DemoUsers.Resident, "设施损坏", "清华苑一期", 3);

        _world.Time.Advance(TimeSpan.FromHours(2) - TimeSpan.FromMinutes(1));
        Assert.False((await _world.SweepAsync()).DidAnything);
        Assert.Empty(await _world.PushesToAsync(DemoUsers.Secretary));

        _world.Time.Advance(TimeSpan.FromMinutes(21));
        Assert.Equal(new DeadlineSweep(1, 0, 0), await _world.SweepAsync());

        var push = Assert.Single(await _world.PushesToAsync(DemoUsers.Secretary));
        Assert.Equal(DemoUsers.Secretary, push.Row.ToUsers);
        foreach (var part in new[] { report.Ticket, "设施损坏", "清华苑一期3号楼", "超时20分钟", "受理时限2小时", "网格员王建军" })
            Assert.Contains(part, push.Text);
        var stored = await _world.ReadAsync(report.Id);
        Assert.Equal(_world.Time.GetUtcNow(), stored.AcceptEscalatedAt);
        Assert.Equal(ReportStatus.Reported, stored.Status);
        var escalation = stored.Events[^1];
        Assert.Equal(("超时未受理，已提醒社区书记", (int?)null, _world.Time.GetUtcNow()), (escalation.Action, escalation.ActorId, escalation.At));

        _world.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.False((await _world.SweepAsync()).DidAnything);
        _world.Time.Advance(TimeSpan.FromHours(5));
        Assert.False((await _world.SweepAsync()).DidAnything);
        Assert.Single(await _world.PushesToAsync(DemoUsers.Secretary));
        Assert.Equal(stored.Events.Count, (await _world.ReadAsync(report.Id)).Events.Count);
    }

    [Fact]
    public async Task A_rerun_that_missed_the_stamp_still_pushes_once()
    {
        var report = await _world.FileAsync(DemoUsers.Resident, "设施损坏", "清华苑一期", 3);
        _world.Time.Advance(TimeSpan.FromHours(3));
        await _world.SweepAsync();
        // As a second host that read the report before the first committed would see it.
        await _world.WithAsync(s => s.Db.Reports.Where(r => r.Id == report.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.AcceptEscalatedAt, (DateTimeOffset?)null)));
        var events = (await _world.ReadAsync(report.Id)).Events.Count;

        await _world.SweepAsync();

        Assert.Single(await _world.PushesToAsync(DemoUsers.Secretary));
        var stored = await _world.ReadAsync(report.Id);
        Assert.Equal(events, stored.Events.Count);
        Assert.NotNull(stored.AcceptEscalatedAt);
    }

    [Fact]
    public async Task A_category_with_a_shorter_limit_escalates_sooner()
    {
        // 消防通道 is a hazard: accept within one hour instead of two.
        var blocked = await _world.FileAsync(DemoUsers.Resident, "消防通道", "清华苑一期", 3);
        var broken = await _world.FileAsync(DemoUsers.Resident, "设施损坏", "清华苑一期", 5);

        _world.Time.Advance(TimeSpan.FromMinutes(61));
        Assert.Equal(new DeadlineSweep(1, 0, 0), await _world.SweepAsync());

        var push = Assert.Single(await _world.PushesToAsync(DemoUsers.Secretary));
        Assert.Contains(blocked.Ticket, push.Text);
        Assert.Contains("受理时限1小时", push.Text);
        Assert.Null((await _world.ReadAsync(broken.Id)).AcceptEscalatedAt);

        _world.Time.Advance(TimeSpan.FromMinutes(60));
        Assert.Equal(new DeadlineSweep(1, 0, 0), await _world.SweepAsync());
        Assert.Contains(broken.Ticket, (await _world.PushesToAsync(DemoUsers.Secretary))[^1].Text);
    }

    [Fact]
    public async Task A_handover_starts_the_accept_clock_again()
    {
        var report = await _world.FileAsync(DemoUsers.Resident, "设施损坏", "清华苑一期", 3);
        _world.Time.Advance(TimeSpan.FromMinutes(90));
        Assert.True((await _world.MoveAsync(report.Id, DemoUsers.GridWorker,
            (s, r, p) => s.HandOverAsync(r, p, HandoverTarget.Community, null, default))).Done);

        _world.Time.Advance(TimeSpan.FromMinutes(60));
        Assert.False((await _world.SweepAsync()).DidAnything);

        _world.Time.Advance(TimeSpan.FromMinutes(61));
        Assert.Equal(new DeadlineSweep(1, 0, 0), await _world.SweepAsync());
        var push = Assert.Single(await _world.PushesToAsync(DemoUsers.Secretary), p => p.Text.Contains("超时未受理"));
        Assert.Contains("转交", push.Text);
        Assert.Contains("社区工作人员", push.Text);
    }

    [Fact]
    public async Task A_report_not_handled_in_time_goes_to_the_secretary_once()
    {
        var report = await _world.FileAsync(DemoUsers.Resident, "设施损坏", "清华苑一期", 3);
        _world.Time.Advance(TimeSpan.FromMinutes(30));
        Assert.True((await _world.MoveAsync(report.Id, DemoUsers.GridWorker, (s, r, p) => s.AcceptAsync(r, p, null, default))).Done);

        _world.Time.Advance(TimeSpan.FromDays(3) - TimeSpan.FromMinutes(1));
        Assert.False((await _world.SweepAsync()).DidAnything);

        _world.Time.Advance(TimeSpan.FromHours(2));
        Assert.Equal(new DeadlineSweep(0, 1, 0), await _world.SweepAsync());
        var push = Assert.Single(await _world.PushesToAsync(DemoUsers.Secretary));
        foreach (var part in new[] { "超时未办结", report.Ticket, "设施损坏", "清华苑一期3号楼", "王建军", "办结时限3天", "超时1小时59分钟" })
            Assert.Contains(part, push.Text);
        var stored = await _world.ReadAsync(report.Id);
        Assert.Equal(_world.Time.GetUtcNow(), stored.HandleEscalatedAt);
        Assert.Equal("超时未办结，已提醒社区书记", stored.Events[^1].Action);

        _world.Time.Advance(TimeSpan.FromDays(1));
        Assert.False((await _world.SweepAsync()).DidAnything);
        Assert.Single(await _world.PushesToAsync(DemoUsers.Secretary));
    }

    [Fact]
    public async Task A_report_handed_to_the_property_company_is_escalated_when_it_stalls()
    {
        var report = await _world.FileAsync(DemoUsers.Resident, "设施损坏", "清华苑一期", 3);
        _world.Time.Advance(TimeSpan.FromMinutes(30));
        Assert.True((await _world.MoveAsync(report.Id, DemoUsers.GridWorker,
            (s, r, p) => s.HandOverAsync(r, p, HandoverTarget.PropertyManager, null, default))).Done);

        _world.Time.Advance(TimeSpan.FromDays(3) + TimeSpan.FromHours(1));
        Assert.Equal(new DeadlineSweep(0, 1, 0), await _world.SweepAsync());
        var push = Assert.Single(await _world.PushesToAsync(DemoUsers.Secretary));
        Assert.Contains("超时未办结", push.Text);
        Assert.Contains("清华苑物业", push.Text);
        Assert.Contains("超时1小时", push.Text);
    }

    [Fact]
    public async Task A_report_deliberated_too_long_is_escalated_too()
    {
        // 安全隐患 must be handled within a day of acceptance.
        var report = await _world.FileAsync(DemoUsers.Resident, "安全隐患", "清华苑一期", 3);
        await _world.MoveAsync(report.Id, DemoUsers.GridWorker, (s, r, p) => s.AcceptAsync(r, p, null, default));
        await _world.MoveAsync(report.Id, DemoUsers.GridWorker, (s, r, p) => s.DeliberateAsync(r, p, "居民议事会", default));

        _world.Time.Advance(TimeSpan.FromHours(25));
        Assert.Equal(new DeadlineSweep(0, 1, 0), await _world.SweepAsync());
        var push = Assert.Single(await _world.PushesToAsync(DemoUsers.Secretary));
        Assert.Contains("居民议事会", push.Text);
        Assert.Contains("办结时限1天", push.Text);
    }

    [Fact]
    public async Task A_handled_report_not_rated_in_time_counts_as_accepted_and_the_reporter_is_told()
    {
        var report = await _world.FileAsync(DemoUsers.Resident, "设施损坏", "清华苑一期", 3);
        await _world.MoveAsync(report.Id, DemoUsers.GridWorker, (s, r, p) => s.AcceptAsync(r, p, null, default));
        Assert.True((await _world.MoveAsync(report.Id, DemoUsers.GridWorker, (s, r, p) => s.HandleAsync(r, p, "已经修好了", [], default))).Done);
        var told = (await _world.PushesToAsync(DemoUsers.Resident)).Count;

        _world.Time.Advance(TimeSpan.FromDays(3) - TimeSpan.FromMinutes(1));
        Assert.False((await _world.SweepAsync()).DidAnything);

        _world.Time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(new DeadlineSweep(0, 0, 1), await _world.SweepAsync());

        var stored = await _world.ReadAsync(report.Id);
        Assert.Equal(ReportStatus.Rated, stored.Status);
        Assert.True(stored.RatedAutomatically);
        Assert.Null(stored.Stars);
        Assert.Equal(_world.Time.GetUtcNow(), stored.ClosedAt);
        Assert.Equal(("超过评价期限，视为认可", (int?)null), (stored.Events[^1].Action, stored.Events[^1].ActorId));
        var push = Assert.Single((await _world.PushesToAsync(DemoUsers.Resident)).Skip(told));
        Assert.Contains(report.Ticket, push.Text);
        Assert.Contains("按认可处理", push.Text);
        Assert.Empty(await _world.PushesToAsync(DemoUsers.Secretary));

        _world.Time.Advance(TimeSpan.FromDays(1));
        Assert.False((await _world.SweepAsync()).DidAnything);
        Assert.Equal(told + 1, (await _world.PushesToAsync(DemoUsers.Resident)).Count);
    }

    [Fact]
    public async Task Escalation_goes_to_the_secretary_of_the_report_s_own_community()
    {
        var lanwan = await _world.FileAsync("songyuxin", "设施损坏", "中隐澜湾");
        _world.Time.Advance(TimeSpan.FromHours(3));
        await _world.SweepAsync();

        Assert.Empty(await _world.PushesToAsync(DemoUsers.Secretary));
        var push = Assert.Single(await _world.PushesToAsync("gaoyaqin"));
        // No building: every grid of the compound could accept it.
        Assert.Contains("许国庆、罗丹、梁晓东", push.Text);
        Assert.Contains(lanwan.Ticket, push.Text);
    }
}
