using System.Net;
using System.Text.Json;
using GovBot.Data;
using GovBot.Data.Messaging;
using GovBot.Data.People;
using GovBot.Data.Privacy;
using GovBot.Data.Reports;
using GovBot.Data.Seeding;
using GovBot.Host.CheckIns;
using GovBot.Host.Privacy;
using GovBot.Host.Tests.WeCom;
using GovBot.Host.WeCom.Xml;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovBot.Host.Tests.Staff;

/// <summary>
/// PIPL on the real host: staff with the right export and erase what is stored about a resident, every use audited;
/// the nightly retention sweep drops old message texts and photos without forgetting which messages were handled.
/// </summary>
public sealed class PersonalDataTests
{
    private static async Task<Person> PersonAsync(StaffHost host, string userId) =>
        await host.Bot.WithDbAsync(db => db.People.AsNoTracking().FirstAsync(p => p.WeComUserId == userId));

    [Fact]
    public async Task A_county_admin_downloads_everything_about_a_resident_including_her_report()
    {
        await using var host = await StaffHost.StartAsync();
        var report = await host.FileAsync(DemoUsers.Resident, "飞线充电", "3号楼有人从窗户拉电线给电动车充电");
        await host.Bot.SayAsync(DemoUsers.Resident, "帮助");
        var resident = await PersonAsync(host, DemoUsers.Resident);

        using var admin = await host.AdminAsync();
        using var answer = await admin.GetAsync($"/staff/api/people/{resident.Id}/export");

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("application/json", answer.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".json", answer.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        using var json = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal("张丽", root.GetProperty("person").GetProperty("name").GetString());
        var filed = Assert.Single(root.GetProperty("reports").EnumerateArray());
        Assert.Equal(report.Ticket, filed.GetProperty("ticket").GetString());
        Assert.Equal("飞线充电", filed.GetProperty("category").GetString());
        Assert.Contains("拉电线", filed.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains(root.GetProperty("messages").EnumerateArray(), m => m.GetProperty("payloadXml").GetString()!.Contains("帮助"));
        foreach (var part in new[] { "bookings", "checkIns", "points", "wishes", "volunteerJoinRequests" })
            Assert.Equal(JsonValueKind.Array, root.GetProperty(part).ValueKind);

        var audit = await host.Bot.WithDbAsync(db => db.PersonalDataAudit.AsNoTracking().SingleAsync());
        Assert.Equal((PersonalDataAction.Export, DemoUsers.CountyAdmin, resident.Id), (audit.Action, audit.ActorWeComUserId, audit.SubjectPersonId));
    }

    [Fact]
    public async Task Her_own_secretary_erases_a_resident_who_asks_and_her_report_still_counts_without_her()
    {
        await using var host = await StaffHost.StartAsync();
        var report = await host.FileAsync(DemoUsers.Resident, "飞线充电", "3号楼有人从窗户拉电线给电动车充电");
        await host.Bot.SayAsync(DemoUsers.Resident, "帮助");
        var resident = await PersonAsync(host, DemoUsers.Resident);
        Assert.NotNull(resident.Phone);
        var before = await host.Bot.WithDbAsync(db => db.Reports.AsNoTracking().SingleAsync(r => r.Id == report.Id));
        var countsBefore = await CountsAsync(host, before.CategoryId, before.CommunityId);

        var (secretary, signedIn) = await host.WeComSignInAsync(DemoUsers.Secretary);
        signedIn.Dispose();
        using (secretary)
        {
            using var answer = await secretary.PostAsync($"/staff/api/people/{resident.Id}/erase", null);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        }

        var erased = await host.Bot.WithDbAsync(db => db.People.AsNoTracking().SingleAsync(p => p.Id == resident.Id));
        Assert.Equal(PersonalDataEraser.ErasedName, erased.Name);
        Assert.Null(erased.Phone);
        Assert.Null(erased.Room);
        Assert.NotEqual(DemoUsers.Resident, erased.WeComUserId);
        Assert.False(await host.Bot.WithDbAsync(db => db.People.AnyAsync(p => p.Name == "张丽" || p.Phone == resident.Phone)));

        var after = await host.Bot.WithDbAsync(db => db.Reports.AsNoTracking().SingleAsync(r => r.Id == report.Id));
        Assert.Null(after.ReporterId);
        Assert.Null(after.ReporterContact);
        Assert.Equal((before.Ticket, before.CategoryId, before.CommunityId, before.Status), (after.Ticket, after.CategoryId, after.CommunityId, after.Status));
        Assert.Equal(countsBefore, await CountsAsync(host, before.CategoryId, before.CommunityId));

        // Her messages keep only what a redelivery is checked against.
        var messages = await host.Bot.WithDbAsync(db => db.Inbox.AsNoTracking().Where(m => m.UserId == erased.WeComUserId).ToListAsync());
        Assert.NotEmpty(messages);
        Assert.All(messages, m => Assert.Equal("", m.PayloadXml));
        Assert.False(await host.Bot.WithDbAsync(db => db.Inbox.AnyAsync(m => m.UserId == DemoUsers.Resident)));

        var audit = await host.Bot.WithDbAsync(db => db.PersonalDataAudit.AsNoTracking().SingleAsync());
        Assert.Equal((PersonalDataAction.Erase, DemoUsers.Secretary, resident.Id), (audit.Action, audit.ActorWeComUserId, audit.SubjectPersonId));
        Assert.True(audit.At > DateTimeOffset.UtcNow.AddMinutes(-5));
        Assert.DoesNotContain("张丽", audit.Summary ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_communitys_secretary_and_community_staff_are_refused()
    {
        await using var host = await StaffHost.StartAsync();
        var resident = await PersonAsync(host, DemoUsers.Resident);
        var elsewhere = await PersonAsync(host, "fengjianguo");
        Assert.NotEqual(resident.CommunityId, elsewhere.CommunityId);
        await host.Bot.WithDbAsync(async db =>
        {
            db.People.Add(new Person { WeComUserId = "other-secretary", Name = "外社区书记", Roles = Roles.Secretary, CommunityId = elsewhere.CommunityId });
            return await db.SaveChangesAsync();
        });

        foreach (var caller in new[] { "other-secretary", DemoUsers.Staff, DemoUsers.GridWorker, DemoUsers.Resident })
        {
            using var export = new HttpRequestMessage(HttpMethod.Get, $"/staff/api/people/{resident.Id}/export");
            export.Headers.Add(CheckInsApi.StaffHeader, caller);
            using var exported = await host.Bot.Http.SendAsync(export);
            Assert.Equal(HttpStatusCode.Forbidden, exported.StatusCode);
            Assert.DoesNotContain("张丽", await exported.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            using var erase = new HttpRequestMessage(HttpMethod.Post, $"/staff/api/people/{resident.Id}/erase");
            erase.Headers.Add(CheckInsApi.StaffHeader, caller);
            using var erased = await host.Bot.Http.SendAsync(erase);
            Assert.Equal(HttpStatusCode.Forbidden, erased.StatusCode);
        }

        using (var nobody = await host.Bot.Http.GetAsync($"/staff/api/people/{resident.Id}/export"))
            Assert.Equal(HttpStatusCode.Unauthorized, nobody.StatusCode);
        Assert.Equal("张丽", (await PersonAsync(host, DemoUsers.Resident)).Name);
        Assert.False(await host.Bot.WithDbAsync(db => db.PersonalDataAudit.AnyAsync()));
    }

    [Fact]
    public async Task The_retention_sweep_drops_old_texts_and_photos_and_a_redelivered_old_message_is_still_a_duplicate()
    {
        await using var host = await StaffHost.StartAsync();
        var bot = host.Bot;
        var xml = WeComInboundXml.Text(WeComSample.CorpId, DemoUsers.Resident, 1_790_000_300, "帮助", "7000000301", "1000002");
        var first = await bot.WeCom.PostAsync(xml);
        Assert.Contains("社区小助手", first.PassiveReply);
        var report = await host.FileAsync(DemoUsers.Resident, "飞线充电", "3号楼有人从窗户拉电线给电动车充电");

        // Forty days on for the message, a closed report with a photo from half a year ago.
        var longAgo = DateTimeOffset.UtcNow.AddDays(-200);
        await bot.WithDbAsync(async db =>
        {
            await db.Inbox.Where(m => m.DedupKey == "7000000301").ExecuteUpdateAsync(s => s.SetProperty(m => m.ReceivedAt, DateTimeOffset.UtcNow.AddDays(-40)));
            await db.Reports.Where(r => r.Id == report.Id).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, ReportStatus.Rated).SetProperty(r => r.ClosedAt, longAgo));
            db.ReportPhotos.Add(new ReportPhoto { ReportId = report.Id, MediaId = "m-1", Content = [1, 2, 3], ContentType = "image/jpeg", FetchedAt = longAgo });
            return await db.SaveChangesAsync();
        });

        await using (var scope = bot.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<RetentionSweep>().RunAsync(CancellationToken.None);

        var row = await bot.WithDbAsync(db => db.Inbox.AsNoTracking().SingleAsync(m => m.DedupKey == "7000000301"));
        Assert.Equal(("", null, InboxStatus.Done), (row.PayloadXml, row.PassiveReply, row.Status));
        var photo = await bot.WithDbAsync(db => db.ReportPhotos.AsNoTracking().SingleAsync(p => p.ReportId == report.Id));
        Assert.Null(photo.Content);
        Assert.True(await bot.WithDbAsync(db => db.Reports.AnyAsync(r => r.Id == report.Id && r.Status == ReportStatus.Rated)));

        // WeCom delivering it again: accepted as already handled, not stored twice, not answered again.
        var again = await bot.WeCom.PostAsync(xml);
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Null(again.PassiveReply);
        Assert.Equal(1, await bot.WithDbAsync(db => db.Inbox.CountAsync(m => m.DedupKey == "7000000301")));
        Assert.Equal("", (await bot.WithDbAsync(db => db.Inbox.AsNoTracking().SingleAsync(m => m.DedupKey == "7000000301"))).PayloadXml);
        Assert.DoesNotContain(bot.PushedTextsTo(DemoUsers.Resident), t => t.Contains("社区小助手"));
    }

    [Fact]
    public async Task A_retention_period_under_a_day_stops_the_host_at_start()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => StaffHost.StartAsync(new Dictionary<string, string?> { ["Retention:InboxPayloads"] = "00:10:00" }));
        Assert.Contains("Retention:InboxPayloads", error.ToString(), StringComparison.Ordinal);
    }

    private static Task<(int Category, int Community)> CountsAsync(StaffHost host, int categoryId, int communityId) =>
        host.Bot.WithDbAsync(async db => (
            await db.Reports.CountAsync(r => r.CategoryId == categoryId),
            await db.Reports.CountAsync(r => r.CommunityId == communityId)));
}
