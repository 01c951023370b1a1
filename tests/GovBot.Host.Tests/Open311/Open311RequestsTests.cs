using System.Globalization;
using System.Net;
using System.Text.Json;
using GovBot.Data;
using GovBot.Data.Seeding;
using GovBot.Host.Tests.EndToEnd;
using GovBot.Skills.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovBot.Host.Tests.Open311;

/// <summary>GET requests and GET requests/{id}: the spec's fields, statuses, filters and formats.</summary>
public sealed class Open311RequestsTests : IAsyncLifetime
{
    private BotHost _bot = null!;
    private Open311Calls _open311 = null!;

    public async Task InitializeAsync()
    {
        _bot = await Open311Calls.StartHostAsync();
        _open311 = new Open311Calls(_bot);
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task A_filed_request_is_listed_with_every_spec_field_and_status_open()
    {
        var code = await _open311.CodeOfAsync("消防通道");
        var ticket = await _open311.FileAsync(code);

        var (status, list, contentType) = await _open311.GetJsonAsync("requests.json");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith("application/json", contentType);
        var request = Assert.Single(list.EnumerateArray().ToList());
        Assert.Equal(Open311Calls.RequestFields, request.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(ticket, request.GetProperty("service_request_id").GetString());
        Assert.Equal("open", request.GetProperty("status").GetString());
        Assert.Equal("已上报，等待受理", request.GetProperty("status_notes").GetString());
        Assert.Equal("消防通道", request.GetProperty("service_name").GetString());
        Assert.Equal(code, request.GetProperty("service_code").GetString());
        Assert.Equal("3号楼楼道里堆满了纸箱，堵住了通道", request.GetProperty("description").GetString());
        Assert.Equal("清泉湖社区清华苑网格", request.GetProperty("agency_responsible").GetString());
        Assert.Equal("1小时内受理，受理后1天内办结", request.GetProperty("service_notice").GetString());
        Assert.Equal("清徐县清源镇清泉湖社区清华苑一期3号楼", request.GetProperty("address").GetString());
        Assert.Matches("^B[0-9]+$", request.GetProperty("address_id").GetString());
        Assert.Equal(JsonValueKind.Null, request.GetProperty("zipcode").ValueKind);
        Assert.Equal(JsonValueKind.Null, request.GetProperty("lat").ValueKind);
        Assert.Equal(JsonValueKind.Null, request.GetProperty("media_url").ValueKind);

        // W3C datetimes in China time; expected = requested + the category's limits (1 hour to accept, 1 day to handle).
        var requested = ParseW3c(request.GetProperty("requested_datetime").GetString()!);
        var expected = ParseW3c(request.GetProperty("expected_datetime").GetString()!);
        Assert.EndsWith("+08:00", request.GetProperty("requested_datetime").GetString());
        Assert.EndsWith("+08:00", request.GetProperty("updated_datetime").GetString());
        Assert.InRange(requested, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.Equal(TimeSpan.FromHours(25), expected - requested);
    }

    [Fact]
    public async Task One_request_by_id_in_json_and_xml_and_404_for_an_unknown_id()
    {
        var ticket = await _open311.FileAsync(await _open311.CodeOfAsync("消防通道"));

        var (status, list, _) = await _open311.GetJsonAsync($"requests/{ticket.ToLowerInvariant()}.json");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(ticket, Assert.Single(list.EnumerateArray().ToList()).GetProperty("service_request_id").GetString());

        var (xmlStatus, xml, contentType) = await _open311.GetXmlAsync($"requests/{ticket}.xml");
        Assert.Equal(HttpStatusCode.OK, xmlStatus);
        Assert.StartsWith("text/xml", contentType);
        Assert.Equal("service_requests", xml.Root!.Name.LocalName);
        var request = Assert.Single(xml.Root.Elements());
        Assert.Equal("request", request.Name.LocalName);
        Assert.Equal(Open311Calls.RequestFields, request.Elements().Select(e => e.Name.LocalName).ToArray());
        Assert.Equal(ticket, request.Element("service_request_id")!.Value);
        Assert.Equal("open", request.Element("status")!.Value);
        Assert.Equal("", request.Element("zipcode")!.Value);

        var (missing, errors, _) = await _open311.GetJsonAsync("requests/S9999.json");
        Assert.Equal(HttpStatusCode.NotFound, missing);
        Open311ServicesTests.AssertErrorList(errors, 404);
    }

    [Fact]
    public async Task Requests_filter_by_status_service_code_dates_and_ids()
    {
        var fireLane = await _open311.CodeOfAsync("消防通道");
        var litter = await _open311.CodeOfAsync("环境卫生");
        var open = await _open311.FileAsync(fireLane);
        var rejected = await _open311.FileAsync(litter, "垃圾桶满了", "清华苑一期5号楼");
        await RejectAsync(rejected, "已由物业当天清运");

        Assert.Equal([open], await TicketsAsync("requests.json?status=open"));
        Assert.Equal([rejected], await TicketsAsync("requests.json?status=closed"));
        Assert.Equal([rejected, open], await TicketsAsync("requests.json?status=open,closed"));
        Assert.Equal([rejected], await TicketsAsync($"requests.json?service_code={litter}"));
        Assert.Equal([rejected, open], await TicketsAsync($"requests.json?service_code={fireLane}&service_code={litter}"));
        Assert.Equal([open], await TicketsAsync($"requests.json?service_request_id={open}&status=closed"));

        var now = DateTimeOffset.UtcNow;
        Assert.Equal([rejected, open], await TicketsAsync($"requests.json?start_date={W3c(now.AddHours(-1))}&end_date={W3c(now.AddHours(1))}"));
        Assert.Empty(await TicketsAsync($"requests.json?start_date={W3c(now.AddHours(1))}"));
        Assert.Empty(await TicketsAsync($"requests.json?end_date={W3c(now.AddDays(-1))}"));
        // A "+08:00" sent without URL-encoding arrives as a space; it still means China time.
        var unencoded = now.AddMinutes(-30).ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        Assert.Equal([rejected, open], await TicketsAsync($"requests.json?start_date={unencoded}"));

        var (_, list, _) = await _open311.GetJsonAsync($"requests/{rejected}.json");
        var closed = list[0];
        Assert.Equal("closed", closed.GetProperty("status").GetString());
        Assert.Equal("已驳回：已由物业当天清运", closed.GetProperty("status_notes").GetString());
        Assert.Equal(JsonValueKind.Null, closed.GetProperty("expected_datetime").ValueKind);
    }

    [Theory]
    [InlineData("requests.json?status=pending")]
    [InlineData("requests.json?start_date=yesterday")]
    [InlineData("requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z")]
    [InlineData("requests.json?start_date=2026-06-01T00:00:00Z&end_date=2026-01-01T00:00:00Z")]
    [InlineData("requests.json?service_code=fire")]
    public async Task Invalid_filters_are_400(string path)
    {
        var (status, errors, _) = await _open311.GetJsonAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Open311ServicesTests.AssertErrorList(errors, 400);
    }

    [Fact]
    public async Task A_report_filed_in_the_chat_appears_in_requests()
    {
        await _bot.WeCom.SendTextAsync(DemoUsers.Resident, "3号楼楼道堆满了杂物");
        var filed = await _bot.WeCom.SendTextAsync(DemoUsers.Resident, "是");
        Assert.Contains("S1001", filed.PassiveReply);

        var (status, list, _) = await _open311.GetJsonAsync("requests.json");

        Assert.Equal(HttpStatusCode.OK, status);
        var request = Assert.Single(list.EnumerateArray().ToList());
        Assert.Equal("S1001", request.GetProperty("service_request_id").GetString());
        Assert.Equal("open", request.GetProperty("status").GetString());
        Assert.Equal("消防通道", request.GetProperty("service_name").GetString());
        Assert.Equal("3号楼楼道堆满了杂物", request.GetProperty("description").GetString());
        Assert.Equal("清徐县清源镇清泉湖社区清华苑一期3号楼", request.GetProperty("address").GetString());
    }

    [Fact]
    public async Task Reads_need_a_key_unless_the_county_makes_them_public()
    {
        var (status, errors, _) = await _open311.GetJsonAsync("requests.json", withKey: false);
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Open311ServicesTests.AssertErrorList(errors, 403);
        (status, errors, _) = await _open311.GetJsonAsync("requests.json?api_key=not-a-key-anyone-was-given");
        Assert.Equal(HttpStatusCode.Forbidden, status);
        (status, _, _) = await _open311.GetJsonAsync("requests.json");
        Assert.Equal(HttpStatusCode.OK, status);

        await using var open = await Open311Calls.StartHostAsync(new Dictionary<string, string?> { ["Open311:PublicReads"] = "true" });
        (status, _, _) = await new Open311Calls(open).GetJsonAsync("requests.json", withKey: false);
        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task Phone_and_id_numbers_a_resident_typed_are_masked_in_json_and_xml()
    {
        var code = await _open311.CodeOfAsync("消防通道");
        var ticket = await _open311.FileAsync(code,
            "3号楼楼道堆满纸箱，联系我13812345678或0351-5678123，身份证14010519800101123X", "清华苑一期3号楼");

        var (_, list, _) = await _open311.GetJsonAsync("requests.json");
        var description = Assert.Single(list.EnumerateArray().ToList()).GetProperty("description").GetString()!;
        Assert.Equal("3号楼楼道堆满纸箱，联系我[电话]或[电话]，身份证[证件号]", description);
        var (_, one, _) = await _open311.GetJsonAsync($"requests/{ticket}.json");
        Assert.DoesNotContain("13812345678", one.ToString(), StringComparison.Ordinal);
        var (_, xml, _) = await _open311.GetXmlAsync($"requests/{ticket}.xml");
        var text = xml.ToString();
        Assert.DoesNotContain("13812345678", text, StringComparison.Ordinal);
        Assert.DoesNotContain("5678123", text, StringComparison.Ordinal);
        Assert.DoesNotContain("14010519800101123X", text, StringComparison.Ordinal);
        Assert.Contains("[电话]", text, StringComparison.Ordinal);
    }

    private async Task<string[]> TicketsAsync(string path)
    {
        var (status, list, _) = await _open311.GetJsonAsync(path);
        Assert.True(status == HttpStatusCode.OK, $"{path}: {status} {list}");
        return list.EnumerateArray().Select(r => r.GetProperty("service_request_id").GetString()!).ToArray();
    }

    private async Task RejectAsync(string ticket, string reason)
    {
        await using var scope = _bot.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GovBotDb>();
        var reports = scope.ServiceProvider.GetRequiredService<ReportService>();
        var report = await reports.FindByTicketAsync(ticket, CancellationToken.None);
        var worker = await db.People.SingleAsync(p => p.WeComUserId == DemoUsers.GridWorker);
        Assert.True((await reports.RejectAsync(report!, worker, reason, CancellationToken.None)).Done);
        await db.SaveChangesAsync();
    }

    private static string W3c(DateTimeOffset at) => Uri.EscapeDataString(at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));

    private static DateTimeOffset ParseW3c(string text) => DateTimeOffset.ParseExact(text, "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
