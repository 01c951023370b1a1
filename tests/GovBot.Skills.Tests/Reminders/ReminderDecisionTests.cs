using GovBot.Data;
using GovBot.Data.Seeding;
using GovBot.Data.Visits;
using GovBot.Skills.Visits;
using GovBot.Skills.WorkerDesk;
using Microsoft.EntityFrameworkCore;
using GovBot.Skills.Reminders;
using GovBot.Skills.Reports;
using GovBot.Skills.Tests.Reports;
using Microsoft.Extensions.Options;

namespace GovBot.Skills.Tests.Reminders;

/// <summary>Who gets which reminder, decided on a fake clock against the demo county in a real SQLite file.</summary>
public sealed class ReminderDecisionTests : IAsyncLifetime
{
    private ReportWorld _world = null!;

    public async Task InitializeAsync() => _world = await ReportWorld.StartAsync();

    public Task DisposeAsync()
    {
        _world.Dispose();
        return Task.CompletedTask;
    }

    private Task<int> RunAsync(Func<GovBotDb, ReminderPusher, IReminder> make, ReminderOptions? options = null) =>
        _world.WithAsync(s => make(s.Db, new ReminderPusher(s.Db, _world.Time, Options.Create(options ?? new ReminderOptions()))).RunAsync(default));

    private Task<int> PatrolAsync() => RunAsync((db, p) => new PatrolReminder(new GridPatrol(db), p, _world.Time));

    [Fact]
    public async Task The_morning_patrol_lists_the_open_reports_of_the_grid_to_its_worker_once_a_day()
    {
        Assert.Equal(0, await PatrolAsync()); // nothing open, nobody bothered
        var report = await _world.FileAsync(DemoUsers.Resident, "设施损坏", "清华苑一期", 3);
        var filed = (await _world.PushesToAsync(DemoUsers.GridWorker)).Count; // the new-report card

        Assert.Equal(1, await PatrolAsync());
        Assert.Equal(0, await PatrolAsync()); // a second firing the same day pushes nothing
        var push = Assert.Single((await _world.PushesToAsync(DemoUsers.GridWorker)).Skip(filed));
        Assert.Equal(DemoUsers.GridWorker, push.Row.ToUsers);
        Assert.Contains("日巡查", push.Text);
        Assert.Contains(report.Ticket, push.Text);
        Assert.Contains("3号楼", push.Text);
        Assert.Empty(await _world.PushesToAsync(DemoUsers.Resident));

        _world.Time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await PatrolAsync());
        Assert.Equal(2, (await _world.PushesToAsync(DemoUsers.GridWorker)).Skip(filed).Count(p => p.Text.Contains("日巡查")));
    }

    [Fact]
    public async Task A_handled_report_gets_one_gentle_rating_request_the_next_day()
    {
        var report = await _world.FileAsync(DemoUsers.Resident, "设施损坏", "清华苑一期", 3);
        await _world.MoveAsync(report.Id, DemoUsers.GridWorker, (r, rep, p) => r.AcceptAsync(rep, p, null, default));
        await _world.MoveAsync(report.Id, DemoUsers.GridWorker, (r, rep, p) => r.HandleAsync(rep, p, "灯换好了", [], default));
        var before = (await _world.PushesToAsync(DemoUsers.Resident)).Count;

        _world.Time.Advance(TimeSpan.FromHours(23));
        Assert.Equal(0, await RunAsync((db, p) => new RatingRequestReminder(db, p, _world.Time, Options.Create(new ReminderOptions()), Options.Create(new ReportOptions()))));
        _world.Time.Advance(TimeSpan.FromHours(2));
        Assert.Equal(1, await RunAsync((db, p) => new RatingRequestReminder(db, p, _world.Time, Options.Create(new ReminderOptions()), Options.Create(new ReportOptions()))));
        Assert.Equal(0, await RunAsync((db, p) => new RatingRequestReminder(db, p, _world.Time, Options.Create(new ReminderOptions()), Options.Create(new ReportOptions()))));

        var pushes = await _world.PushesToAsync(DemoUsers.Resident);
        var request = Assert.Single(pushes.Skip(before));
        Assert.Contains(report.Ticket, request.Text);
        Assert.Contains("评价", request.Text);
    }

    [Fact]
    public async Task A_rated_report_is_not_asked_about()
    {
        var report = await _world.FileAsync(DemoUsers.Resident, "设施损坏", "清华苑一期", 3);
        await _world.MoveAsync(report.Id, DemoUsers.GridWorker, (r, rep, p) => r.AcceptAsync(rep, p, null, default));
        await _world.MoveAsync(report.Id, DemoUsers.GridWorker, (r, rep, p) => r.HandleAsync(rep, p, "灯换好了", [], default));
        await _world.MoveAsync(report.Id, DemoUsers.Resident, (r, rep, p) => r.RateAsync(rep, p, 5, default));

        _world.Time.Advance(TimeSpan.FromDays(1.5));
        Assert.Equal(0, await RunAsync((db, p) => new RatingRequestReminder(db, p, _world.Time, Options.Create(new ReminderOptions()), Options.Create(new ReportOptions()))));
    }

    [Fact]
    public async Task A_reminder_made_in_quiet_hours_waits_until_seven_china_time()
    {
        var report = await _world.FileAsync(DemoUsers.Resident, "设施损坏", "清华苑一期", 3);
        await _world.MoveAsync(report.Id, DemoUsers.GridWorker, (r, rep, p) => r.AcceptAsync(rep, p, null, default));
        await _world.MoveAsync(report.Id, DemoUsers.GridWorker, (r, rep, p) => r.HandleAsync(rep, p, "灯换好了", [], default));

        // Handled at 08:00; the request comes due at 22:30 the next day, inside 21:00–07:00.
        _world.Time.Advance(TimeSpan.FromHours(24 + 14.5));
        Assert.Equal(1, await RunAsync((db, p) => new RatingRequestReminder(db, p, _world.Time, Options.Create(new ReminderOptions()), Options.Create(new ReportOptions()))));
        var request = (await _world.PushesToAsync(DemoUsers.Resident))[^1];
        var local = ChinaTime.ToLocal(request.Row.NotBefore);
        Assert.Equal(new TimeOnly(7, 0), TimeOnly.FromDateTime(local.DateTime));
        Assert.Equal(ChinaTime.Today(_world.Time.GetUtcNow()).AddDays(1), DateOnly.FromDateTime(local.DateTime));
    }

    [Fact]
    public void Quiet_hours_are_china_time_and_span_midnight()
    {
        var quiet = QuietHours.Default;
        var cst = TimeSpan.FromHours(8);
        Assert.Null(quiet.NotBefore(new DateTimeOffset(2026, 11, 23, 12, 0, 0, cst)));
        Assert.Null(quiet.NotBefore(new DateTimeOffset(2026, 11, 23, 20, 59, 0, cst)));
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 7, 0, 0, cst), quiet.NotBefore(new DateTimeOffset(2026, 11, 23, 21, 0, 0, cst)));
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 7, 0, 0, cst), quiet.NotBefore(new DateTimeOffset(2026, 11, 24, 6, 59, 0, cst)));
        // The same instant written in UTC is judged by China time: 13:30 UTC is 21:30 in 清徐.
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 7, 0, 0, cst), quiet.NotBefore(new DateTimeOffset(2026, 11, 23, 13, 30, 0, TimeSpan.Zero)));
        Assert.Null(new QuietHours(new TimeOnly(22, 0), new TimeOnly(22, 0)).NotBefore(new DateTimeOffset(2026, 11, 23, 23, 0, 0, cst)));
    }

    [Fact]
    public async Task The_party_centre_household_gets_the_households_of_their_micro_grid_on_monday()
    {
        Assert.Equal(1, await RunAsync((db, p) => new WeeklyVisitReminder(db, p, _world.Time)));
        Assert.Equal(0, await RunAsync((db, p) => new WeeklyVisitReminder(db, p, _world.Time)));
        var push = Assert.Single(await _world.PushesToAsync(DemoUsers.PartyCenterHousehold));
        Assert.Contains("周走访", push.Text);
        Assert.Contains("3号楼2单元301", push.Text); // 张丽's home, in the same micro-grid
        Assert.DoesNotContain("2号楼1单元101", push.Text); // not their own
    }

    [Fact]
    public async Task Households_visited_last_week_drop_off_the_monday_list()
    {
        var lastWeek = ChinaTime.WeekStart(_world.Time.GetUtcNow()).AddDays(-6);
        await _world.WithAsync(async s =>
        {
            var visitor = await s.PersonAsync(DemoUsers.PartyCenterHousehold);
            var building = await s.Db.Buildings.FirstAsync(b => b.Compound!.Name == "清华苑一期" && b.Number == 3);
            s.Db.HouseholdVisits.Add(new HouseholdVisit { VisitorId = visitor.Id, BuildingId = building.Id, Unit = "2单元", Room = "301", At = lastWeek });
            // A visit of the week before does not count for last week.
            s.Db.HouseholdVisits.Add(new HouseholdVisit { VisitorId = visitor.Id, BuildingId = building.Id, Unit = "1单元", Room = "101", At = lastWeek.AddDays(-7) });
            return await s.Db.SaveChangesAsync();
        });

        Assert.Equal(1, await RunAsync((db, p) => new WeeklyVisitReminder(db, p, _world.Time)));
        var push = Assert.Single(await _world.PushesToAsync(DemoUsers.PartyCenterHousehold));
        Assert.Contains("上周走访了1户", push.Text);
        Assert.DoesNotContain("3号楼2单元301", push.Text);
    }

    [Fact]
    public async Task The_joint_meetings_list_the_reports_placed_on_their_agenda()
    {
        var report = await _world.FileAsync(DemoUsers.Resident, "设施损坏", "清华苑一期", 3);
        await _world.MoveAsync(report.Id, DemoUsers.GridWorker, (r, rep, p) => r.AcceptAsync(rep, p, null, default));
        await _world.MoveAsync(report.Id, DemoUsers.GridWorker, (r, rep, p) => r.DeliberateAsync(rep, p, JointMeetingReminder.Venue, default));

        Assert.True(await RunAsync((db, p) => new CommunityJointMeetingReminder(db, p, _world.Time)) > 0);
        var community = (await _world.PushesToAsync(DemoUsers.Secretary))[^1];
        Assert.Contains("联席会议", community.Text);
        Assert.Contains(report.Ticket, community.Text);

        Assert.Equal(1, await RunAsync((db, p) => new CountyJointMeetingReminder(db, p, _world.Time)));
        Assert.Equal(0, await RunAsync((db, p) => new CountyJointMeetingReminder(db, p, _world.Time)));
        var county = (await _world.PushesToAsync(DemoUsers.CountyAdmin))[^1];
        Assert.Contains("县级联席会议", county.Text);
        Assert.Contains(report.Ticket, county.Text);
    }
}
