using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GovBot.Data.Seeding;
using GovBot.Host.Tests.EndToEnd;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Host.Tests.Open311;

/// <summary>POST requests: API keys, validation, location rules, and the same routing to grid workers as the chat.</summary>
public sealed class Open311PostTests : IAsyncLifetime
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
    public async Task A_request_with_a_valid_key_is_filed_and_the_grid_worker_gets_the_card()
    {
        var code = await _open311.CodeOfAsync("消防通道");

        var (status, body) = await _open311.PostJsonAsync(new Dictionary<string, string>
        {
            ["jurisdiction_id"] = Open311Calls.Jurisdiction,
            ["service_code"] = code,
            ["address_string"] = "清华苑一期3号楼2单元",
            ["lat"] = "37.6071",
            ["long"] = "112.3572",
            ["description"] = "楼道里堆满了纸箱，堵住了通道",
            ["first_name"] = "丽",
            ["last_name"] = "张",
            ["phone"] = "13800000000",
            ["media_url"] = "https://12345.qingxu.gov.cn/media/1.jpg",
        });

        Assert.Equal(HttpStatusCode.OK, status);
        var created = Assert.Single(body.EnumerateArray().ToList());
        Assert.Equal(["service_request_id", "service_notice", "account_id"], created.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("S1001", created.GetProperty("service_request_id").GetString());
        Assert.Contains("清华苑网格", created.GetProperty("service_notice").GetString());
        Assert.Equal(JsonValueKind.Null, created.GetProperty("account_id").ValueKind);

        await BotHost.EventuallyAsync(() => Task.FromResult(_bot.PushedTextsTo(DemoUsers.GridWorker).Any(t => t.Contains("S1001"))),
            because: "the grid worker of 清华苑网格 should get the card");
        var card = _bot.PushedTextsTo(DemoUsers.GridWorker).First(t => t.Contains("S1001"));
        Assert.Contains("消防通道", card);
        Assert.Contains("清华苑一期3号楼", card);
        Assert.Contains("受理", card);

        var report = await _bot.WithDbAsync(db => db.Reports.Include(r => r.Building).Include(r => r.Photos).SingleAsync());
        Assert.Equal("open311", report.Source);
        Assert.Null(report.ReporterId);
        Assert.Equal("张丽（经清徐县12345热线）", report.ExternalReporter);
        Assert.Equal("13800000000", report.ReporterContact);
        Assert.Equal(3, report.Building!.Number);
        Assert.Equal("2单元", report.PlaceNote);
        Assert.Equal(37.6071, report.Latitude);
        Assert.Equal("https://12345.qingxu.gov.cn/media/1.jpg", report.MediaUrl);
        Assert.Empty(report.Photos);
    }

    [Fact]
    public async Task Keys_are_seeded_from_configuration_as_hashes_only()
    {
        var client = await _bot.WithDbAsync(db => db.Open311Clients.SingleAsync());
        Assert.Equal(Open311Calls.ClientName, client.Name);
        Assert.True(client.Active);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Open311Calls.ApiKey))), client.ApiKeyHash);
        Assert.DoesNotContain(Open311Calls.ApiKey, client.ApiKeyHash);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-the-key-of-anyone-at-all")]
    public async Task A_missing_or_wrong_key_is_403_and_nothing_is_written(string? key)
    {
        var code = await _open311.CodeOfAsync("消防通道");
        var form = new Dictionary<string, string> { ["service_code"] = code, ["address_string"] = "清华苑一期3号楼", ["description"] = "楼道堆满杂物" };
        if (key is not null) form["api_key"] = key;

        var (status, errors) = await _open311.PostJsonAsync(form, apiKey: null);

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Open311ServicesTests.AssertErrorList(errors, 403);
        Assert.Contains("api_key", errors[0].GetProperty("description").GetString());
        Assert.Equal(0, await _bot.WithDbAsync(db => db.Reports.CountAsync()));
        Assert.Equal(0, await _bot.WithDbAsync(db => db.Outbox.CountAsync()));
    }

    [Fact]
    public async Task A_12_MB_form_is_refused_413_without_a_stack_trace_and_nothing_is_written()
    {
        var code = await _open311.CodeOfAsync("消防通道");
        using var huge = await _open311.PostAsync("requests.json", new Dictionary<string, string>
        {
            ["service_code"] = code, ["description"] = new string('堆', 1_400_000), ["address_string"] = "清华苑一期3号楼",
        });
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        var body = await huge.Content.ReadAsStringAsync();
        Assert.Contains("太大", body, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);

        // Without a valid key in the query the body is never looked at: 403, whatever its size.
        using var content = new StringContent(new string('x', 12 * 1024 * 1024), System.Text.Encoding.ASCII, "application/x-www-form-urlencoded");
        using var keyless = await _bot.Http.PostAsync("open311/v2/requests.json?api_key=wrong-key-of-some-length", content);
        Assert.Equal(HttpStatusCode.Forbidden, keyless.StatusCode);
        Assert.Equal(0, await _bot.WithDbAsync(db => db.Reports.CountAsync()));
    }

    [Fact]
    public async Task A_revoked_key_is_refused()
    {
        await using var revoked = await Open311Calls.StartHostAsync(new Dictionary<string, string?>
        {
            ["Open311:Clients:0:Active"] = "false",
        });
        var (status, _) = await new Open311Calls(revoked).PostJsonAsync(new Dictionary<string, string>
        {
            ["service_code"] = "1", ["address_string"] = "清华苑一期3号楼", ["description"] = "楼道堆满杂物",
        });
        Assert.Equal(HttpStatusCode.Forbidden, status);
    }

    [Fact]
    public async Task An_unknown_service_code_is_404_and_a_missing_one_400_as_the_spec_says()
    {
        var (status, errors) = await _open311.PostJsonAsync(new Dictionary<string, string>
        {
            ["service_code"] = "999", ["address_string"] = "清华苑一期3号楼", ["description"] = "楼道堆满杂物",
        });
        Assert.Equal(HttpStatusCode.NotFound, status);
        Open311ServicesTests.AssertErrorList(errors, 404);
        Assert.Contains("service_code", errors[0].GetProperty("description").GetString());

        (status, errors) = await _open311.PostJsonAsync(new Dictionary<string, string>
        {
            ["address_string"] = "清华苑一期3号楼", ["description"] = "楼道堆满杂物",
        });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Open311ServicesTests.AssertErrorList(errors, 400);
        Assert.Equal(0, await _bot.WithDbAsync(db => db.Reports.CountAsync()));
    }

    public static TheoryData<string, string, string> Unlocatable => new()
    {
        { "coordinates only", "lat=37.6&long=112.3", "坐标" },
        { "no location at all", "", "address_string" },
        { "no such compound", "address_string=幸福里小区5号楼", "小区" },
        { "no such building", "address_string=清华苑一期99号楼", "99号楼" },
        { "no such address id", "address_id=B9999", "address_id" },
        { "no such community", "attribute[community]=不存在社区", "community" },
        { "only one coordinate", "lat=37.6&address_string=清华苑一期3号楼", "long" },
    };

    [Theory]
    [MemberData(nameof(Unlocatable))]
    public async Task A_request_that_cannot_be_placed_is_400_with_a_clear_description(string _, string location, string mentioned)
    {
        var code = await _open311.CodeOfAsync("环境卫生");
        var form = new Dictionary<string, string> { ["service_code"] = code, ["description"] = "垃圾好几天没人收" };
        foreach (var pair in location.Split('&', StringSplitOptions.RemoveEmptyEntries))
            form[pair[..pair.IndexOf('=')]] = pair[(pair.IndexOf('=') + 1)..];

        var (status, errors) = await _open311.PostJsonAsync(form);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Open311ServicesTests.AssertErrorList(errors, 400);
        Assert.Contains(mentioned, errors[0].GetProperty("description").GetString());
        Assert.Equal(0, await _bot.WithDbAsync(db => db.Reports.CountAsync()));
    }

    [Fact]
    public async Task A_place_is_found_by_address_id_by_a_community_in_the_address_or_by_the_community_attribute()
    {
        var code = await _open311.CodeOfAsync("环境卫生");
        var buildingId = await _bot.WithDbAsync(db =>
            db.Buildings.Where(b => b.Compound!.Name == "世纪花园" && b.Number == 2).Select(b => b.Id).SingleAsync());

        var byId = await FileAsync(code, ("address_id", $"B{buildingId}"));
        var byAddress = await FileAsync(code, ("address_string", "清徐县迎新社区世纪家园1号楼"));
        var byCommunity = await FileAsync(code, ("address_string", "小区东门口"), ("attribute[community]", "金沙滩社区"));
        var byAlias = await FileAsync(code, ("address_string", "清华苑 三号楼"));

        var reports = await _bot.WithDbAsync(db => db.Reports.Include(r => r.Compound).Include(r => r.Building).Include(r => r.Community)
            .ToDictionaryAsync(r => r.Ticket));
        Assert.Equal(("世纪花园", 2), (reports[byId].Compound!.Name, reports[byId].Building!.Number));
        Assert.Equal(("世纪家园", 1), (reports[byAddress].Compound!.Name, reports[byAddress].Building!.Number));
        Assert.Null(reports[byCommunity].CompoundId);
        Assert.Equal("金沙滩社区", reports[byCommunity].Community!.Name);
        Assert.Equal("小区东门口", reports[byCommunity].PlaceNote);
        Assert.Equal(("清华苑一期", 3), (reports[byAlias].Compound!.Name, reports[byAlias].Building!.Number));

        // 世纪网格's worker gets both 世纪 reports; with no compound, 金沙滩社区's staff get the third.
        await BotHost.EventuallyAsync(() => Task.FromResult(
            _bot.PushedTextsTo("zhenghaiyan").Count(t => t.Contains(byId) || t.Contains(byAddress)) == 2
            && _bot.PushedTextsTo("gaoyaqin").Any(t => t.Contains(byCommunity))));
    }

    private async Task<string> FileAsync(string code, params (string Name, string Value)[] location)
    {
        var form = new Dictionary<string, string> { ["service_code"] = code, ["description"] = "垃圾好几天没人收了" };
        foreach (var (name, value) in location) form[name] = value;
        var (status, body) = await _open311.PostJsonAsync(form);
        Assert.True(status == HttpStatusCode.OK, body.ToString());
        return body[0].GetProperty("service_request_id").GetString()!;
    }
}
