using System.Net;
using System.Text;
using System.Text.Json;
using GovBot.Data.CheckIns;
using GovBot.Data.People;
using GovBot.Data.Seeding;
using GovBot.Host.CheckIns;
using GovBot.Host.Tests.EndToEnd;
using GovBot.Skills.CheckIns;
using GovBot.Skills.Spreadsheets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovBot.Host.Tests.CheckIns;

/// <summary>The staff endpoints of 双报到 on the real host: who may call, lists and counts, CSV out and in.</summary>
public sealed class CheckInsApiTests
{
    private const string Header = "编号,姓名,党员类别,工作单位,党组织,社区,小区,楼栋,单元,房号,手机,服务意愿,状态";

    [Fact]
    public async Task Only_staff_of_the_community_may_call()
    {
        await using var bot = await BotHost.StartAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(bot, "/api/checkins", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync(bot, "/api/checkins", DemoUsers.Resident)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync(bot, "/api/checkins/export.csv", "nobody")).StatusCode);
        // 高雅琴 is staff of 金沙滩社区, not of 清泉湖社区 (id 1).
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync(bot, "/api/checkins?communityId=1", "gaoyaqin")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(bot, "/api/checkins", DemoUsers.Staff)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(bot, "/api/checkins?communityId=1", DemoUsers.CountyAdmin)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await GetAsync(bot, "/api/checkins?status=maybe", DemoUsers.Staff)).StatusCode);
    }

    [Fact]
    public async Task Only_staff_of_the_check_ins_community_may_review_it()
    {
        await using var bot = await BotHost.StartAsync();
        var id = await CheckInChenAsync(bot, approve: false);
        await bot.WithDbAsync(async db =>
        {
            var service = new CheckInService(db, TimeProvider.System);
            var checkIn = (await service.FindAsync(id, default))!;
            var other = await db.People.SingleAsync(p => p.WeComUserId == "gaoyaqin");
            var worker = await db.People.SingleAsync(p => p.WeComUserId == DemoUsers.GridWorker);
            Assert.False((await service.ApproveAsync(checkIn, other, null, default)).Done);
            Assert.False((await service.ReturnAsync(checkIn, worker, "不对", null, default)).Done);
            Assert.True((await service.ReturnAsync(checkIn, await db.People.SingleAsync(p => p.WeComUserId == DemoUsers.Staff), "楼号不对", null, default)).Done);
            Assert.False((await service.ApproveAsync(checkIn, await db.People.SingleAsync(p => p.WeComUserId == DemoUsers.Secretary), null, default)).Done);
            await db.SaveChangesAsync();
            return 0;
        });
        var returned = (await JsonAsync(bot, "/api/checkins?status=returned", DemoUsers.Secretary))[0];
        Assert.Equal("楼号不对", returned.GetProperty("returnReason").GetString());
        Assert.Equal("赵晓燕", returned.GetProperty("reviewedBy").GetString());
    }

    [Fact]
    public async Task Lists_filter_by_status_kind_and_unit_and_count_per_kind()
    {
        await using var bot = await BotHost.StartAsync();
        await CheckInChenAsync(bot, approve: true);

        var all = await JsonAsync(bot, "/api/checkins", DemoUsers.Staff);
        Assert.Equal(["田玉明", "陈志强", "马小龙"], Names(all).Order(StringComparer.Ordinal));
        var chen = all.EnumerateArray().Single(e => e.GetProperty("name").GetString() == "陈志强");
        Assert.Equal("approved", chen.GetProperty("status").GetString());
        Assert.Equal("清徐县交通运输局", chen.GetProperty("workUnit").GetString());
        Assert.Equal("清华苑一期党支部", chen.GetProperty("compoundBranch").GetString());
        Assert.Equal("138****0006", chen.GetProperty("phone").GetString());

        Assert.Equal(["田玉明"], Names(await JsonAsync(bot, "/api/checkins?kind=retired", DemoUsers.Staff)));
        Assert.Equal(["马小龙"], Names(await JsonAsync(bot, "/api/checkins?kind=流动", DemoUsers.Staff)));
        Assert.Equal(["陈志强"], Names(await JsonAsync(bot, "/api/checkins?unit=交通运输", DemoUsers.Staff)));
        Assert.Empty(Names(await JsonAsync(bot, "/api/checkins?status=pending", DemoUsers.Staff)));
        // Another community's staff see none of these.
        Assert.Empty(Names(await JsonAsync(bot, "/api/checkins", "gaoyaqin")));

        var counts = await JsonAsync(bot, "/api/checkins/counts", DemoUsers.Secretary);
        int Approved(string kind) => counts.EnumerateArray().Single(c => c.GetProperty("kind").GetString() == kind).GetProperty("approved").GetInt32();
        Assert.Equal(1, Approved("inService"));
        Assert.Equal(1, Approved("retired"));
        Assert.Equal(1, Approved("mobile"));

        var units = await JsonAsync(bot, "/api/workunits", DemoUsers.Staff);
        var transport = units.EnumerateArray().Single(u => u.GetProperty("name").GetString() == "清徐县交通运输局");
        Assert.Equal("清华苑一期", transport.GetProperty("pairings")[0].GetProperty("compound").GetString());
        Assert.Equal(1, transport.GetProperty("checkedInMembers").GetInt32());
        Assert.DoesNotContain(units.EnumerateArray(), u => u.GetProperty("name").GetString() == "襄垣县交通运输局");
        var everyUnit = await JsonAsync(bot, "/api/workunits", DemoUsers.CountyAdmin);
        Assert.Contains(everyUnit.EnumerateArray(), u => u.GetProperty("name").GetString() == "襄垣县交通运输局");
    }

    [Fact]
    public async Task Export_is_utf8_with_bom_and_chinese_headers_and_a_move_keeps_the_closed_check_in()
    {
        await using var bot = await BotHost.StartAsync();
        await CheckInChenAsync(bot, approve: false);

        var response = await GetAsync(bot, "/api/checkins/export.csv", DemoUsers.Staff);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Csv.Utf8Bom, bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith(Header, text);
        Assert.Contains("陈志强,在职党员,清徐县交通运输局,清徐县交通运输局机关党支部,清泉湖社区,清华苑一期,3号楼,1单元,201,13803510006,环境整治|理发", text.Replace("、", "|"));
        Assert.Contains("待社区审核", text);

        // 陈志强 moves to 中隐澜湾 and checks in again: the first one is closed with a date, not deleted.
        await bot.WithDbAsync(async db =>
        {
            var service = new CheckInService(db, TimeProvider.System);
            var chen = await db.People.SingleAsync(p => p.WeComUserId == DemoUsers.InServicePartyMember);
            var lanwan = await db.Compounds.SingleAsync(c => c.Name == "中隐澜湾");
            await service.SubmitAsync(chen, new CheckInDraft("陈志强", PartyMemberKind.InService, lanwan.Id, "13803510006"), default);
            return 0;
        });
        Assert.Empty(Names(await JsonAsync(bot, "/api/checkins?kind=inService", DemoUsers.Staff)));
        var closed = await JsonAsync(bot, "/api/checkins?status=closed", DemoUsers.Staff);
        Assert.Equal(["陈志强"], Names(closed));
        Assert.NotEqual(JsonValueKind.Null, closed[0].GetProperty("closedAt").ValueKind);
        Assert.Equal(["陈志强"], Names(await JsonAsync(bot, "/api/checkins?status=pending", "gaoyaqin")));
    }

    [Fact]
    public async Task Import_dry_run_reports_rows_that_do_not_fit_and_writes_nothing()
    {
        await using var bot = await BotHost.StartAsync();
        var csv = string.Join("\r\n",
            "姓名,党员类别,工作单位,小区,楼栋,单元,房号,手机,服务意愿",
            "王小明,在职,清徐县司法局,清华苑一期,5号楼,2单元,401,13912340001,法律宣传、维修",
            "赵大勇,在职党员,某某公司,幸福小区,1号楼,1单元,101,13912340002,",
            "钱小红,退休,,清华苑一期,2号楼,1单元,102,12345,",
            "田玉明,退休,,清华苑一期,4号楼,1单元,601,13803510011,",
            "孙一,流动,,清华苑一期,99号楼,1单元,101,13912340005,",
            "孙二,流动,,清华苑一期,1号楼,1单元,102,13912340001,",
            "李四,党员,,清华苑一期,1号楼,1单元,103,13912340007,");

        var dry = await PostCsvAsync(bot, "/api/checkins/import?dryRun=true", DemoUsers.Staff, csv);
        Assert.True(dry.GetProperty("dryRun").GetBoolean());
        Assert.Equal(7, dry.GetProperty("rows").GetInt32());
        Assert.Equal(1, dry.GetProperty("accepted").GetInt32());
        var problems = dry.GetProperty("rejected").EnumerateArray()
            .ToDictionary(p => p.GetProperty("line").GetInt32(), p => string.Join("；", p.GetProperty("problems").EnumerateArray().Select(x => x.GetString())));
        Assert.Contains("小区不存在：「幸福小区」", problems[3]);
        Assert.Contains("手机号不对", problems[4]);
        Assert.Contains("田玉明已有有效的报到", problems[5]);
        Assert.Contains("没有这栋楼", problems[6]);
        Assert.Contains("手机号在文件里重复", problems[7]);
        Assert.Contains("党员类别不对", problems[8]);
        Assert.False(await bot.WithDbAsync(db => db.People.AnyAsync(p => p.Name == "王小明")));

        var real = await PostCsvAsync(bot, "/api/checkins/import", DemoUsers.Staff, csv);
        Assert.Equal(1, real.GetProperty("accepted").GetInt32());
        var imported = (await JsonAsync(bot, "/api/checkins?unit=司法局", DemoUsers.Staff))[0];
        Assert.Equal("王小明", imported.GetProperty("name").GetString());
        Assert.Equal("approved", imported.GetProperty("status").GetString());
        Assert.Equal("清华苑一期党支部", imported.GetProperty("compoundBranch").GetString());
        var events = await bot.WithDbAsync(db => db.CheckInEvents.Where(e => e.CheckIn!.Name == "王小明").Select(e => e.Kind).ToListAsync());
        Assert.Contains(CheckInEventKind.Imported, events);
        Assert.Contains(CheckInEventKind.Approved, events);
    }

    [Fact]
    public async Task Pending_rows_of_a_roster_are_reviewed_over_http_without_pushing_to_people_the_bot_has_not_met()
    {
        await using var bot = await BotHost.StartAsync();
        var csv = "姓名,党员类别,小区,楼栋,单元,房号,手机,状态\r\n周新,在职,清华苑一期,6号楼,1单元,502,13912340011,待审核\r\n吴迪,流动,清华苑一期,8号楼,2单元,301,13912340012,待审核\r\n";
        Assert.Equal(2, (await PostCsvAsync(bot, "/api/checkins/import", DemoUsers.Staff, csv)).GetProperty("accepted").GetInt32());
        var pending = await JsonAsync(bot, "/api/checkins?status=pending", DemoUsers.Staff);
        Assert.Equal(["周新", "吴迪"], Names(pending));
        int Id(string name) => pending.EnumerateArray().Single(e => e.GetProperty("name").GetString() == name).GetProperty("id").GetInt32();

        Assert.Equal(HttpStatusCode.Forbidden, (await PostJsonAsync(bot, $"/api/checkins/{Id("周新")}/approve", "gaoyaqin", "{}")).StatusCode);
        var approved = await PostJsonAsync(bot, $"/api/checkins/{Id("周新")}/approve", DemoUsers.Secretary, "{}");
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Contains("清华苑一期党支部", await approved.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, (await PostJsonAsync(bot, $"/api/checkins/{Id("周新")}/return", DemoUsers.Staff, "{\"reason\":\"重复\"}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostJsonAsync(bot, $"/api/checkins/{Id("吴迪")}/return", DemoUsers.Staff, "{}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostJsonAsync(bot, $"/api/checkins/{Id("吴迪")}/return", DemoUsers.Staff, "{\"reason\":\"楼号核实不到\"}")).StatusCode);

        Assert.Equal(["吴迪"], Names(await JsonAsync(bot, "/api/checkins?status=returned", DemoUsers.Staff)));
        Assert.False(await bot.WithDbAsync(db => db.Outbox.AnyAsync(o => o.ToUsers.Contains(CheckInService.RosterPrefix))));

        // 周新 later checks in through WeCom with the same phone: the roster entry is closed, the new one goes to review.
        await bot.WithDbAsync(async db =>
        {
            var service = new CheckInService(db, TimeProvider.System);
            var real = new Person { WeComUserId = "zhouxin", Name = "周新", CreatedAt = DateTimeOffset.UtcNow };
            db.People.Add(real);
            await db.SaveChangesAsync();
            var compound = await db.Compounds.SingleAsync(c => c.Name == "清华苑一期");
            await service.SubmitAsync(real, new CheckInDraft("周新", PartyMemberKind.InService, compound.Id, "13912340011"), default);
            return 0;
        });
        Assert.Equal(["周新"], Names(await JsonAsync(bot, "/api/checkins?status=closed", DemoUsers.Staff)));
        Assert.Equal(["周新"], Names(await JsonAsync(bot, "/api/checkins?status=pending", DemoUsers.Staff)));
    }

    [Fact]
    public async Task Csv_round_trip_from_one_store_to_another()
    {
        byte[] exported;
        await using (var first = await BotHost.StartAsync())
        {
            await CheckInChenAsync(first, approve: true);
            exported = await (await GetAsync(first, "/api/checkins/export.csv", DemoUsers.Staff)).Content.ReadAsByteArrayAsync();
        }

        await using var second = await BotHost.StartAsync();
        var report = await PostCsvAsync(second, "/api/checkins/import", DemoUsers.Staff, Encoding.UTF8.GetString(exported));
        // The seeded members are already checked in in the new store; 陈志强 comes across.
        Assert.Equal(1, report.GetProperty("accepted").GetInt32());
        Assert.Equal(2, report.GetProperty("rejected").GetArrayLength());

        var again = Encoding.UTF8.GetString((await (await GetAsync(second, "/api/checkins/export.csv", DemoUsers.Staff)).Content.ReadAsByteArrayAsync())[3..]);
        string Row(string csv) => csv.Split("\r\n").Single(l => l.Contains("陈志强", StringComparison.Ordinal));
        // Id, times and reviewer differ between stores; everything the member said survives.
        string Stable(string row) => string.Join(',', row.Split(',')[1..13]);
        Assert.Equal(Stable(Row(Encoding.UTF8.GetString(exported[3..]))), Stable(Row(again)));
    }

    private static Task<int> CheckInChenAsync(BotHost bot, bool approve) => bot.WithDbAsync(async db =>
    {
        var service = new CheckInService(db, TimeProvider.System);
        var chen = await db.People.SingleAsync(p => p.WeComUserId == DemoUsers.InServicePartyMember);
        var unit = await db.WorkUnits.SingleAsync(u => u.Name == "清徐县交通运输局");
        var checkIn = await service.SubmitAsync(chen, new CheckInDraft("陈志强", PartyMemberKind.InService, chen.CompoundId!.Value, "13803510006")
        {
            BuildingId = chen.BuildingId, Unit = chen.Unit, Room = chen.Room, WorkUnitId = unit.Id, Services = ["环境整治", "理发"],
        }, default);
        if (approve)
        {
            var secretary = await db.People.SingleAsync(p => p.WeComUserId == DemoUsers.Secretary);
            Assert.True((await service.ApproveAsync(checkIn, secretary, null, default)).Done);
            await db.SaveChangesAsync();
        }
        return checkIn.Id;
    });

    private static string[] Names(JsonElement list) => list.EnumerateArray().Select(e => e.GetProperty("name").GetString()!).ToArray();

    private static async Task<HttpResponseMessage> GetAsync(BotHost bot, string path, string? staff)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (staff is not null) request.Headers.Add(CheckInsApi.StaffHeader, staff);
        return await bot.Http.SendAsync(request);
    }

    private static async Task<JsonElement> JsonAsync(BotHost bot, string path, string staff)
    {
        var response = await GetAsync(bot, path, staff);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static async Task<HttpResponseMessage> PostJsonAsync(BotHost bot, string path, string staff, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add(CheckInsApi.StaffHeader, staff);
        return await bot.Http.SendAsync(request);
    }

    private static async Task<JsonElement> PostCsvAsync(BotHost bot, string path, string staff, string csv)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(csv, Encoding.UTF8, "text/csv") };
        request.Headers.Add(CheckInsApi.StaffHeader, staff);
        var response = await bot.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
