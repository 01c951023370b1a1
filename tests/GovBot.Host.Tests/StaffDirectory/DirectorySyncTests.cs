using System.Net;
using GovBot.Data;
using GovBot.Data.People;
using GovBot.Data.Seeding;
using GovBot.Host.StaffDirectory;
using GovBot.Emulator;
using GovBot.Host.Tests.EndToEnd;
using GovBot.Host.Tests.Staff;
using GovBot.Skills.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static GovBot.Host.Tests.StaffDirectory.DirectorySyncFixture;

namespace GovBot.Host.Tests.StaffDirectory;

/// <summary>The address-book sync through the staff page, against the real client and the stand-in's 通讯录 over loopback.</summary>
public sealed class DirectorySyncTests
{
    [Fact]
    public async Task Mapped_departments_bring_a_new_grid_worker_who_gets_the_residents_reports()
    {
        await using var host = await StaffHost.StartAsync();
        FillBook(host.StandIn);
        host.StandIn.Directory.SetMember(new StandInMember(NewWorker, "孙伟", [GridDepartment], "13900000001", "专职网格员"));
        var admin = await host.AdminAsync();

        // The admin maps the two departments on the page, one select each.
        var page = await admin.GetStringAsync("/staff/directory");
        Assert.Contains("清泉湖社区 / 清华苑网格", page);
        var (communityId, gridId) = await host.Bot.WithDbAsync(async db => (
            await db.Communities.Where(c => c.Name == "清泉湖社区").Select(c => c.Id).FirstAsync(),
            await db.Grids.Where(g => g.Name == "清华苑网格").Select(g => g.Id).FirstAsync()));
        foreach (var (department, place) in new[] { (CommunityDepartment, $"c{communityId}"), (GridDepartment, $"g{gridId}") })
        {
            using var mapped = await admin.PostAsync("/staff/directory/map", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["department"] = department.ToString(), ["place"] = place,
            }));
            Assert.Equal(HttpStatusCode.Redirect, mapped.StatusCode);
        }

        page = await SyncAsync(admin);
        Assert.Contains("新增 <b id=\"added\">1</b> 人", page);
        Assert.Equal([NewWorker, DemoUsers.GridWorker], await WorkersOfQinghuaAsync(host));
        var sunwei = await PersonAsync(host, NewWorker);
        Assert.Equal("孙伟", sunwei.Name);
        Assert.Equal("13900000001", sunwei.Phone);
        Assert.True(sunwei.Has(Roles.GridWorker));
        // Nobody who was there already changed: the hidden mobile of 王建军 did not blank his number.
        Assert.Equal("13803510003", (await PersonAsync(host, DemoUsers.GridWorker)).Phone);

        var (_, ticket) = await host.FileAsync(DemoUsers.Resident, "飞线充电", "3号楼有人从窗户拉电线给电动车充电");
        await BotHost.EventuallyAsync(() => Task.FromResult(host.Bot.PushedTextsTo(NewWorker).Any(t => t.Contains(ticket))),
            because: "The new grid worker did not get the report's card.");
    }

    [Fact]
    public async Task A_member_removed_from_the_book_leaves_and_their_open_report_goes_to_the_secretary()
    {
        await using var host = await StaffHost.StartAsync();
        FillBook(host.StandIn);
        await MapAsync(host);
        var admin = await host.AdminAsync();
        await SyncAsync(admin);

        var (reportId, ticket) = await host.FileAsync(DemoUsers.Resident, "飞线充电", "3号楼有人从窗户拉电线给电动车充电");
        await using (var scope = host.Bot.Services.CreateAsyncScope())
        {
            var reports = scope.ServiceProvider.GetRequiredService<ReportService>();
            var db = scope.ServiceProvider.GetRequiredService<GovBotDb>();
            var worker = await db.People.FirstAsync(p => p.WeComUserId == DemoUsers.GridWorker);
            Assert.True((await reports.AcceptAsync((await reports.FindAsync(reportId, default))!, worker, null, default)).Done);
            await db.SaveChangesAsync();
        }
        var (workerPages, signedIn) = await host.WeComSignInAsync(DemoUsers.GridWorker);
        signedIn.Dispose();
        Assert.Equal(HttpStatusCode.OK, (await workerPages.GetAsync("/staff")).StatusCode);

        host.StandIn.Directory.RemoveMember(DemoUsers.GridWorker);
        var page = await SyncAsync(admin);
        Assert.Contains("离开 <b id=\"left\">1</b> 人", page);

        var wang = await PersonAsync(host, DemoUsers.GridWorker);
        Assert.NotNull(wang.LeftAt);
        Assert.False(wang.Has(Roles.GridWorker));
        Assert.Empty(await WorkersOfQinghuaAsync(host));
        var report = await host.Bot.WithDbAsync(db => db.Reports.AsNoTracking().Include(r => r.Assignee).FirstAsync(r => r.Id == reportId));
        Assert.Equal(DemoUsers.Secretary, report.Assignee!.WeComUserId);
        // The report's history says who took it over, on the page staff open.
        var history = await admin.GetStringAsync($"/staff/reports/{reportId}");
        Assert.Contains("转交社区书记", history);
        Assert.Contains("王建军已离岗，由书记李红梅接手", history);
        await BotHost.EventuallyAsync(() => Task.FromResult(host.Bot.PushedTextsTo(DemoUsers.Secretary).Any(t => t.Contains("王建军") && t.Contains(ticket))),
            because: "The secretary was not told of the handover.");

        // The cookie he still holds opens nothing any more.
        using var refused = await workerPages.GetAsync("/staff");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        // Nor can he sign in again through WeCom.
        var (_, again) = await host.WeComSignInAsync(DemoUsers.GridWorker);
        using (again) Assert.Equal(HttpStatusCode.Forbidden, again.StatusCode);
    }

    [Fact]
    public async Task A_failed_call_in_the_middle_of_a_sync_changes_nothing()
    {
        await using var host = await StaffHost.StartAsync();
        FillBook(host.StandIn);
        await MapAsync(host);
        host.StandIn.Directory.RemoveMember(DemoUsers.GridWorker);
        host.StandIn.Directory.SetMember(new StandInMember(NewWorker, "孙伟", [GridDepartment], null, "专职网格员"));
        var admin = await host.AdminAsync();

        // department/list and both member lists answer; the first user/get fails.
        host.StandIn.InjectDirectoryFault(new StandInFault.Http(502), afterCalls: 3);
        var page = await SyncAsync(admin);
        Assert.Contains("暂时连不上企业微信，这次没有做任何改动", page);
        Assert.Equal([DemoUsers.GridWorker], await WorkersOfQinghuaAsync(host));
        Assert.Null((await PersonAsync(host, DemoUsers.GridWorker)).LeftAt);
        Assert.False(await host.Bot.WithDbAsync(db => db.People.AnyAsync(p => p.WeComUserId == NewWorker)));
        Assert.Equal(0, await ImportRecordsAsync(host));

        // A refusal (frequency limit) on a member list is no better.
        host.StandIn.InjectDirectoryFault(new StandInFault.Refusal(), afterCalls: 1);
        page = await SyncAsync(admin);
        Assert.Contains("企业微信没有给出部门成员", page);
        Assert.Equal(0, await ImportRecordsAsync(host));
    }

    [Fact]
    public async Task A_sync_removing_too_many_is_refused_on_schedule_and_on_the_page_until_confirmed()
    {
        await using var host = await StaffHost.StartAsync();
        FillBook(host.StandIn);
        await MapAsync(host);
        // A 可见范围 set wrong: the departments are there, their members are not.
        foreach (var id in new[] { DemoUsers.Secretary, DemoUsers.Staff, DemoUsers.GridWorker }) host.StandIn.Directory.RemoveMember(id);

        await using (var scope = host.Bot.Services.CreateAsyncScope())
        {
            var scheduled = await scope.ServiceProvider.GetRequiredService<DirectorySync>().RunAsync(null, 0, default);
            Assert.Equal(DirectorySyncOutcomeKind.Refused, scheduled.Kind);
            Assert.Equal(3, scheduled.Left);
        }
        Assert.Null((await PersonAsync(host, DemoUsers.Secretary)).LeftAt);

        var admin = await host.AdminAsync();
        var page = await SyncAsync(admin);
        Assert.Contains("这次同步会让 3 人（共 3 人）离开", page);
        Assert.Contains("id=\"confirm\"", page);
        Assert.Null((await PersonAsync(host, DemoUsers.Secretary)).LeftAt);
        Assert.Equal(0, await ImportRecordsAsync(host));

        page = await SyncAsync(admin, confirm: 3);
        Assert.Contains("离开 <b id=\"left\">3</b> 人", page);
        Assert.NotNull((await PersonAsync(host, DemoUsers.Secretary)).LeftAt);
        Assert.False((await PersonAsync(host, DemoUsers.Staff)).Has(Roles.Staff));
        // The county admin is never removed by a sync.
        Assert.True((await PersonAsync(host, DemoUsers.CountyAdmin)).Has(Roles.CountyAdmin));
    }

    [Fact]
    public async Task Syncing_twice_changes_nothing_the_second_time()
    {
        await using var host = await StaffHost.StartAsync();
        FillBook(host.StandIn);
        host.StandIn.Directory.SetMember(new StandInMember(NewWorker, "孙伟", [GridDepartment], null, "专职网格员"));
        await MapAsync(host);
        var admin = await host.AdminAsync();
        await SyncAsync(admin);
        var before = await StaffStateAsync(host);
        var pushes = host.StandIn.CallsTo("message/send").Count;

        var page = await SyncAsync(admin);
        Assert.Contains("新增 <b id=\"added\">0</b> 人，变更 <b id=\"changed\">0</b> 人，离开 <b id=\"left\">0</b> 人，未变 4 人", page);
        Assert.Equal(before, await StaffStateAsync(host));
        await BotHost.ConsistentlyAsync(() => Task.FromResult(host.StandIn.CallsTo("message/send").Count == pushes), TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Community_staff_may_not_open_or_run_the_sync()
    {
        await using var host = await StaffHost.StartAsync();
        var (staff, signedIn) = await host.WeComSignInAsync(DemoUsers.Staff);
        signedIn.Dispose();
        using var page = await staff.GetAsync("/staff/directory");
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        using var sync = await staff.PostAsync("/staff/directory/sync", new FormUrlEncodedContent(new Dictionary<string, string>()));
        Assert.Equal(HttpStatusCode.Forbidden, sync.StatusCode);
        Assert.Equal(0, host.StandIn.DirectoryCalls);
        Assert.DoesNotContain("/staff/directory", await staff.GetStringAsync("/staff/lists"));
    }

    [Fact]
    public async Task The_position_decides_who_is_secretary_and_a_disabled_account_stays_staff()
    {
        await using var host = await StaffHost.StartAsync();
        FillBook(host.StandIn);
        await MapAsync(host);
        host.StandIn.Directory.SetMember(new StandInMember("liuming", "刘明", [CommunityDepartment], null, "社区党委副书记"));
        // 李红梅's position changes; 赵晓燕's account is disabled (status 2), which is not leaving.
        host.StandIn.Directory.SetMember(new StandInMember(DemoUsers.Secretary, "李红梅", [CommunityDepartment], "13803510001", "社区主任"));
        host.StandIn.Directory.SetMember(new StandInMember(DemoUsers.Staff, "赵晓燕", [CommunityDepartment], "13803510002", "社区党委书记", Status: 2));
        var admin = await host.AdminAsync();

        var page = await SyncAsync(admin);
        Assert.Contains("新增 <b id=\"added\">1</b> 人，变更 <b id=\"changed\">2</b> 人，离开 <b id=\"left\">0</b> 人", page);
        var liuming = await PersonAsync(host, "liuming");
        Assert.True(liuming.Has(Roles.Staff));
        Assert.False(liuming.Has(Roles.Secretary));
        Assert.False((await PersonAsync(host, DemoUsers.Secretary)).Has(Roles.Secretary));
        var zhao = await PersonAsync(host, DemoUsers.Staff);
        Assert.True(zhao.Has(Roles.Secretary));
        Assert.Null(zhao.LeftAt);
        // The new staff member signs in to the pages of 清泉湖社区 at once.
        var (client, signedIn) = await host.WeComSignInAsync("liuming");
        signedIn.Dispose();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/staff/services")).StatusCode);
    }

    [Fact]
    public async Task The_sync_is_scheduled_daily_and_asks_WeCom_nothing_while_no_department_is_mapped()
    {
        await using var host = await StaffHost.StartAsync();
        FillBook(host.StandIn);
        var scheduler = await host.Bot.Services.GetRequiredService<Quartz.ISchedulerFactory>().GetScheduler();
        var trigger = await scheduler.GetTrigger(new Quartz.TriggerKey("directory-sync", "directory"));
        Assert.Equal("0 0 2 * * ?", Assert.IsAssignableFrom<Quartz.ICronTrigger>(trigger).CronExpressionString);

        await scheduler.TriggerJob(DirectorySyncScheduleSetup.Job);
        var last = host.Bot.Services.GetRequiredService<DirectorySyncLastRun>();
        await BotHost.EventuallyAsync(() => Task.FromResult(last.Last is { Kind: DirectorySyncOutcomeKind.NotMapped }),
            because: "The scheduled sync did not run.");
        Assert.Equal(0, host.StandIn.DirectoryCalls);
        Assert.Equal(0, await ImportRecordsAsync(host));
    }

    private static Task<string> StaffStateAsync(StaffHost host) => host.Bot.WithDbAsync(async db =>
    {
        var people = await db.People.AsNoTracking().OrderBy(p => p.Id)
            .Select(p => $"{p.WeComUserId}:{p.Name}:{p.Phone}:{(int)p.Roles}:{p.CommunityId}:{p.LeftAt}").ToListAsync();
        var workers = await db.GridWorkers.AsNoTracking().OrderBy(w => w.GridId).ThenBy(w => w.PersonId).Select(w => $"{w.GridId}-{w.PersonId}").ToListAsync();
        return string.Join("\n", people.Concat(workers));
    });
}
