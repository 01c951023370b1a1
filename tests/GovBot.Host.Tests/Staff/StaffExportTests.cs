using System.Globalization;
using System.Net;
using System.Text;
using GovBot.Data.Seeding;
using GovBot.Skills.Services;
using GovBot.Skills.Wishes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovBot.Host.Tests.Staff;

/// <summary>
/// Every 导出表格 of the staff pages: UTF-8 with a BOM, Chinese headers, the rows of the caller's scope and no other
/// community's, and a cell a resident started with = kept as text.
/// </summary>
public sealed class StaffExportTests
{
    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    [Fact]
    public async Task Each_new_export_has_the_bom_the_header_and_only_the_callers_rows()
    {
        await using var host = await StaffHost.StartAsync();
        await PostWishAsync(host, DemoUsers.Resident, "=HYPERLINK(\"http://example.invalid\",\"点我\")想要一盏台灯");
        await PostWishAsync(host, "songyuxin", "想要一辆轮椅");
        await BookedFairAsync(host);
        await TaskAsync(host, DemoUsers.Staff, "清理楼道杂物");
        await TaskAsync(host, "wujing", "迎新社区巡逻");

        using (var admin = await host.AdminAsync())
        {
            await AdjustAsync(admin, "zhouwenbin", "-2", "会议缺席");
            var yingxin = await host.Bot.WithDbAsync(db => db.Communities.Where(c => c.Name == "迎新社区").Select(c => c.Id).SingleAsync());
            using var otherEvent = await admin.PostAsync("/staff/services/events", Form(("title", "迎新社区义诊"), ("place", "迎新社区卫生站"),
                ("date", DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                ("team", ""), ("community", yingxin.ToString(CultureInfo.InvariantCulture))));
            Assert.Equal("/staff/services", otherEvent.Headers.Location?.ToString());

            var ledger = await CsvAsync(admin, "/staff/points/ledger.csv", "时间,党员,账号,项目,类别,分数,原因,经办,年度");
            Assert.Contains(",-2,会议缺席,", ledger, StringComparison.Ordinal);
            Assert.Contains("迎新社区义诊", await CsvAsync(admin, "/staff/services/slots.csv", "活动,社区"), StringComparison.Ordinal);
        }

        var (secretary, _) = await host.WeComSignInAsync(DemoUsers.Secretary);
        using (secretary)
        {
            await AdjustAsync(secretary, DemoUsers.RetiredPartyMember, "3", "帮助邻居修水管");

            var wishes = await CsvAsync(secretary, "/staff/wishes/export.csv", "心愿,居民,社区,小区,状态");
            Assert.Contains("\"'=HYPERLINK(\"\"http://example.invalid\"\",\"\"点我\"\")想要一盏台灯\"", wishes, StringComparison.Ordinal);
            Assert.DoesNotContain("轮椅", wishes, StringComparison.Ordinal);

            var totals = await CsvAsync(secretary, "/staff/points/totals.csv", "党员,账号,社区,基础分,附加分,奖励分,合计");
            Assert.Contains("田玉明", totals, StringComparison.Ordinal);
            Assert.DoesNotContain("周文斌", totals, StringComparison.Ordinal);
            var ledger = await CsvAsync(secretary, "/staff/points/ledger.csv", "时间,党员,账号,项目,类别,分数,原因,经办,年度");
            Assert.Contains("帮助邻居修水管", ledger, StringComparison.Ordinal);
            Assert.DoesNotContain("会议缺席", ledger, StringComparison.Ordinal);

            var slots = await CsvAsync(secretary, "/staff/services/slots.csv", "活动,社区,地点,服务,提供方,开始,结束,名额,已约,候补,预约号,姓名,电话,预约状态,预约时间");
            Assert.Contains("理发", slots, StringComparison.Ordinal);
            Assert.Contains("Y1001,张丽,", slots, StringComparison.Ordinal);
            Assert.DoesNotContain("迎新社区义诊", slots, StringComparison.Ordinal);

            var tasks = await CsvAsync(secretary, "/staff/services/tasks.csv", "任务,社区,地点,开始,结束,需要人数,已接单,状态");
            Assert.Contains("清理楼道杂物", tasks, StringComparison.Ordinal);
            Assert.DoesNotContain("迎新社区巡逻", tasks, StringComparison.Ordinal);

            var reminders = await CsvAsync(secretary, "/staff/reminders/export.csv", "提醒,时间,状态,下次");
            Assert.True(reminders.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length > 1, "the reminders export has no rows");

            var page = await secretary.GetStringAsync("/staff/services");
            Assert.Contains("href=\"/staff/services/slots.csv\">导出表格", page, StringComparison.Ordinal);
            Assert.Contains("href=\"/staff/services/tasks.csv\">导出表格", page, StringComparison.Ordinal);
            Assert.Contains("导出表格", await secretary.GetStringAsync("/staff/wishes"), StringComparison.Ordinal);
            Assert.Contains("导出表格", await secretary.GetStringAsync("/staff/points"), StringComparison.Ordinal);
        }

        var (staff, _) = await host.WeComSignInAsync(DemoUsers.Staff);
        using (staff)
        {
            using var reminders = await staff.GetAsync("/staff/reminders/export.csv");
            Assert.Equal(HttpStatusCode.Forbidden, reminders.StatusCode);
        }
        var (worker, _) = await host.WeComSignInAsync(DemoUsers.GridWorker);
        using (worker)
        {
            foreach (var path in new[] { "/staff/wishes/export.csv", "/staff/points/ledger.csv", "/staff/services/tasks.csv" })
            {
                using var refused = await worker.GetAsync(path);
                Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            }
        }
    }

    private static async Task AdjustAsync(HttpClient client, string member, string points, string reason)
    {
        using var adjusted = await client.PostAsync("/staff/points/adjust", Form(("member", member), ("points", points), ("item", "其他"),
            ("reason", reason), ("requestId", Guid.NewGuid().ToString("N"))));
        Assert.Equal("/staff/points", adjusted.Headers.Location?.ToString());
    }

    /// <summary>The export's text after checking its BOM and that it starts with <paramref name="header"/>.</summary>
    private static async Task<string> CsvAsync(HttpClient client, string path, string header)
    {
        using var answer = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("text/csv", answer.Content.Headers.ContentType?.MediaType);
        var bytes = await answer.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith(header, text, StringComparison.Ordinal);
        return text;
    }

    private static async Task PostWishAsync(StaffHost host, string user, string text)
    {
        await using var scope = host.Bot.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GovBot.Data.GovBotDb>();
        var person = await db.People.SingleAsync(p => p.WeComUserId == user);
        await scope.ServiceProvider.GetRequiredService<WishService>().PostAsync(person, text, default);
        await db.SaveChangesAsync();
    }

    private static async Task BookedFairAsync(StaffHost host) =>
        Assert.Equal(BookingResult.Booked, await StaffServicesPageTests.BookAsync(host, await StaffServicesPageTests.FairSlotAsync(host, "理发"), DemoUsers.Resident));

    private static async Task TaskAsync(StaffHost host, string organiserId, string title)
    {
        await using var scope = host.Bot.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GovBot.Data.GovBotDb>();
        var organiser = await db.People.SingleAsync(p => p.WeComUserId == organiserId);
        var startsAt = DateTimeOffset.UtcNow.AddDays(2);
        await scope.ServiceProvider.GetRequiredService<VolunteerTaskService>()
            .CreateAsync(new TaskDraft(title, "社区党群服务中心", startsAt, startsAt.AddHours(2), 2, organiser.CommunityId!.Value), organiser, default);
    }
}
