using GovBot.Data.People;
using GovBot.Data.Points;
using GovBot.Data.Reports;
using GovBot.Data.Seeding;
using GovBot.Data.Services;
using GovBot.Skills.Points;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Skills.Tests.Points;

public sealed class PointsLedgerTests
{
    private const string Tian = DemoUsers.RetiredPartyMember, Ma = DemoUsers.MobilePartyMember, Chen = DemoUsers.InServicePartyMember;

    [Fact]
    public async Task Approved_check_ins_earn_base_points_once_however_often_the_sweep_runs()
    {
        using var world = await PointsWorld.StartAsync();
        Assert.Equal(2, await world.WithAsync(s => s.Ledger.CatchUpAsync(default)));
        Assert.Equal(0, await world.WithAsync(s => s.Ledger.CatchUpAsync(default)));

        var tian = await world.BalanceAsync(Tian, 2025);
        Assert.Equal(10, tian.YearTotal);
        Assert.Equal(10, tian.ThisYear.Single(d => d.Dimension == PointDimension.Base).Points);
        Assert.Equal(10, (await world.BalanceAsync(Ma, 2025)).YearTotal);
    }

    [Fact]
    public async Task The_same_source_offered_twice_counts_once_even_from_two_units_of_work()
    {
        using var world = await PointsWorld.StartAsync();
        var tian = await world.PersonIdAsync(Tian);
        var source = new PointSource(PointSources.MicroWish, "42", tian, world.Time.GetUtcNow(), "完成微心愿");

        var first = await world.WithAsync(async s =>
        {
            var e = await s.Ledger.AwardAsync(source, default);
            var again = await s.Ledger.AwardAsync(source, default);
            await s.Db.SaveChangesAsync();
            return (e, again);
        });
        var later = await world.WithAsync(async s => await s.Ledger.AwardAsync(source, default));

        Assert.NotNull(first.e);
        Assert.Null(first.again);
        Assert.Null(later);
        Assert.Equal(5, (await world.BalanceAsync(Tian)).YearTotal);
        // The store itself refuses a second line for one source, should two instances race past the check.
        await Assert.ThrowsAsync<DbUpdateException>(() => world.WithAsync(async s =>
        {
            s.Db.PointEntries.Add(new PointEntry
            {
                PersonId = tian, PointItemId = first.e!.PointItemId, Dimension = PointDimension.Extra, Points = 5, Reason = "重复",
                SourceKind = PointSources.MicroWish, SourceId = "42", At = world.Time.GetUtcNow(), Year = 2025,
            });
            return await s.Db.SaveChangesAsync();
        }));
    }

    [Fact]
    public async Task A_well_rated_report_handled_by_a_party_member_earns_reward_points_and_a_poor_one_does_not()
    {
        using var world = await PointsWorld.StartAsync();
        await RatedReportAsync(world, "S2001", Chen, 5);
        await RatedReportAsync(world, "S2002", Chen, 4);
        await RatedReportAsync(world, "S2003", Chen, 3);
        await RatedReportAsync(world, "S2004", DemoUsers.GridWorker, 5);

        await world.WithAsync(s => s.Ledger.CatchUpAsync(default));

        var chen = await world.BalanceAsync(Chen);
        Assert.Equal(10, chen.ThisYear.Single(d => d.Dimension == PointDimension.Reward).Points);
        Assert.Equal(0, (await world.BalanceAsync(DemoUsers.GridWorker)).AllTime);
        var lines = await world.WithAsync(async s => await s.Book.RecentAsync(await world.PersonIdAsync(Chen), 10, default));
        Assert.Contains(lines, l => l.Reason == "办理S2001，居民评价5星" && l.Item!.Name == "为民办事");
    }

    [Fact]
    public async Task Hours_an_organiser_confirmed_become_points_once_through_the_catch_up()
    {
        using var world = await PointsWorld.StartAsync();
        await world.WithAsync(s => s.Ledger.CatchUpAsync(default));
        var ma = await world.PersonIdAsync(Ma);
        await world.WithAsync(async s =>
        {
            var organiser = await s.PersonAsync(DemoUsers.Staff);
            var task = new VolunteerTask
            {
                Title = "清华苑一期环境整治", Place = "清华苑一期", StartsAt = world.Time.GetUtcNow().AddHours(-4),
                EndsAt = world.Time.GetUtcNow().AddHours(-1), Needed = 2, CommunityId = organiser.CommunityId!.Value,
                OrganiserId = organiser.Id, CreatedAt = world.Time.GetUtcNow().AddDays(-1),
            };
            s.Db.VolunteerTasks.Add(task);
            await s.Db.SaveChangesAsync();
            s.Db.VolunteerHours.Add(new VolunteerHours
            {
                PersonId = ma, SourceKind = VolunteerHours.TaskSource, SourceId = task.Id, Minutes = 150, Attended = true,
                ConfirmedAt = world.Time.GetUtcNow(), ConfirmedById = organiser.Id,
            });
            s.Db.VolunteerHours.Add(new VolunteerHours
            {
                PersonId = await world.PersonIdAsync(Tian), SourceKind = VolunteerHours.TaskSource, SourceId = task.Id, Minutes = 0,
                Attended = false, ConfirmedAt = world.Time.GetUtcNow(), ConfirmedById = organiser.Id,
            });
            return await s.Db.SaveChangesAsync();
        });

        Assert.Equal(1, await world.WithAsync(s => s.Ledger.CatchUpAsync(default)));
        Assert.Equal(0, await world.WithAsync(s => s.Ledger.CatchUpAsync(default)));
        var lines = await world.WithAsync(async s => await s.Book.RecentAsync(ma, 10, default));
        var line = Assert.Single(lines, l => l.SourceKind == PointSources.VolunteerHours);
        Assert.Equal(5, line.Points);
        Assert.Equal("志愿服务2.5小时：清华苑一期环境整治", line.Reason);
    }

    [Fact]
    public async Task Volunteer_hours_earn_points_per_hour_up_to_the_yearly_cap()
    {
        using var world = await PointsWorld.StartAsync();
        var ma = await world.PersonIdAsync(Ma);
        var now = world.Time.GetUtcNow();
        async Task<int?> AwardAsync(string record, decimal hours) => await world.WithAsync(async s =>
        {
            var e = await s.Ledger.AwardVolunteerHoursAsync(ma, record, hours, now, "环境整治", default);
            await s.Db.SaveChangesAsync();
            return e?.Points;
        });

        Assert.Equal(5, await AwardAsync("v1", 2.5m));
        Assert.Null(await AwardAsync("v1", 2.5m));
        Assert.Equal(55, await AwardAsync("v2", 40));
        Assert.Null(await AwardAsync("v3", 3));
        Assert.Equal(60, (await world.BalanceAsync(Ma)).ThisYear.Single(d => d.Dimension == PointDimension.Extra).Points);
    }

    [Fact]
    public async Task Staff_deduct_by_hand_with_a_reason_and_a_retried_request_counts_once()
    {
        using var world = await PointsWorld.StartAsync();
        await world.WithAsync(s => s.Ledger.CatchUpAsync(default));
        for (var i = 0; i < 2; i++)
            await world.WithAsync(async s =>
            {
                var item = await s.Db.PointItems.SingleAsync(x => x.Name == "组织生活");
                await s.Ledger.AdjustAsync(await s.PersonAsync(Tian), item, -3, "缺席一次组织生活", await s.PersonAsync(DemoUsers.Staff), "req-1", default);
                return await s.Db.SaveChangesAsync();
            });

        Assert.Equal(7, (await world.BalanceAsync(Tian, 2025)).YearTotal);
        var line = await world.WithAsync(s => s.Db.PointEntries.Include(e => e.Operator).SingleAsync(e => e.SourceKind == PointSources.Manual));
        Assert.Equal("赵晓燕", line.Operator!.Name);
        Assert.Equal("缺席一次组织生活", line.Reason);
    }

    [Fact]
    public async Task Equal_totals_share_a_rank_and_the_next_rank_skips()
    {
        using var world = await PointsWorld.StartAsync();
        await world.WithAsync(s => s.Ledger.CatchUpAsync(default));
        var (community, branch) = await world.WithAsync(async s =>
        {
            var c = await s.Book.CheckInOfAsync(await world.PersonIdAsync(Tian), default);
            return (c!.CommunityId, c.CompoundBranchId);
        });

        var tied = await world.WithAsync(s => s.Book.RankAsync(community, branch, 2025, default));
        Assert.All(tied, r => Assert.Equal(1, r.Rank));
        Assert.Equal(2, tied.Count);

        var tian = await world.PersonIdAsync(Tian);
        await world.WithAsync(async s =>
        {
            await s.Ledger.AwardVolunteerHoursAsync(tian, "v9", 1, world.Time.GetUtcNow(), "走访", default);
            return await s.Db.SaveChangesAsync();
        });
        var ranked = await world.WithAsync(s => s.Book.RankAsync(community, null, 2025, default));
        Assert.Equal(1, ranked.Single(r => r.PersonId == tian).Rank);
        Assert.Equal(2, ranked.Single(r => r.Name == "马小龙").Rank);
    }

    [Fact]
    public async Task A_new_year_starts_from_zero_in_China_time_and_keeps_the_history()
    {
        using var world = await PointsWorld.StartAsync();
        var ma = await world.PersonIdAsync(Ma);
        var china = TimeSpan.FromHours(8);
        await world.WithAsync(async s =>
        {
            await s.Ledger.AwardVolunteerHoursAsync(ma, "eve", 30, new DateTimeOffset(2025, 12, 31, 23, 30, 0, china), "跨年值守", default);
            // 00:30 on New Year's Day in 清徐 is still 2025 in UTC; the new year's cap starts afresh.
            await s.Ledger.AwardVolunteerHoursAsync(ma, "day", 2, new DateTimeOffset(2025, 12, 31, 16, 30, 0, TimeSpan.Zero), "跨年值守", default);
            return await s.Db.SaveChangesAsync();
        });

        Assert.Equal(60, (await world.BalanceAsync(Ma, 2025)).ThisYear.Single(d => d.Dimension == PointDimension.Extra).Points);
        var next = await world.BalanceAsync(Ma, 2026);
        Assert.Equal(4, next.YearTotal);
        Assert.Equal(64, next.AllTime);
    }

    private static Task<int> RatedReportAsync(PointsWorld world, string ticket, string handler, int stars) => world.WithAsync(async s =>
    {
        var resident = await s.PersonAsync(DemoUsers.Resident);
        var assignee = await s.PersonAsync(handler);
        var now = world.Time.GetUtcNow();
        s.Db.Reports.Add(new Report
        {
            Ticket = ticket, ReporterId = resident.Id, CategoryId = (await s.Db.ReportCategories.FirstAsync()).Id, Description = "楼道灯不亮",
            CommunityId = resident.CommunityId!.Value, AssigneeId = assignee.Id, Status = ReportStatus.Rated, Stars = stars,
            CreatedAt = now, UpdatedAt = now, HandledAt = now, ClosedAt = now,
        });
        return await s.Db.SaveChangesAsync();
    });
}
