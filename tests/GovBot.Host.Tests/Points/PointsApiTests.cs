using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GovBot.Data.Seeding;
using GovBot.Host.CheckIns;
using GovBot.Host.Tests.EndToEnd;

namespace GovBot.Host.Tests.Points;

/// <summary>Staff add and deduct points by hand over HTTP on the real host: who may, the reason, the audit, no double counting.</summary>
public sealed class PointsApiTests
{
    [Fact]
    public async Task Only_staff_of_the_members_community_may_read_or_adjust()
    {
        await using var bot = await BotHost.StartAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(bot, HttpMethod.Get, $"/api/points/{DemoUsers.RetiredPartyMember}", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(bot, HttpMethod.Get, $"/api/points/{DemoUsers.RetiredPartyMember}", DemoUsers.Resident)).StatusCode);
        // 高雅琴 is staff of 金沙滩社区; 田玉明 lives in 清泉湖社区.
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(bot, HttpMethod.Post, $"/api/points/{DemoUsers.RetiredPartyMember}/adjust", "gaoyaqin",
            new { points = 5, reason = "组织生活表现好" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(bot, HttpMethod.Post, $"/api/points/{DemoUsers.RetiredPartyMember}/adjust", DemoUsers.Staff,
            new { points = -5 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(bot, HttpMethod.Get, "/api/points/items", DemoUsers.CountyAdmin)).StatusCode);
    }

    [Fact]
    public async Task A_deduction_with_a_reason_is_kept_with_its_operator_told_to_the_member_and_counted_once_on_retry()
    {
        await using var bot = await BotHost.StartAsync();
        var body = new { points = -3, reason = "缺席一次组织生活", item = "组织生活", requestId = "r-20250301-1" };
        for (var i = 0; i < 2; i++)
            Assert.Equal(HttpStatusCode.OK, (await SendAsync(bot, HttpMethod.Post, $"/api/points/{DemoUsers.RetiredPartyMember}/adjust", DemoUsers.Staff, body)).StatusCode);

        var account = JsonDocument.Parse(await (await SendAsync(bot, HttpMethod.Get, $"/api/points/{DemoUsers.RetiredPartyMember}", DemoUsers.Secretary)).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(7, account.GetProperty("yearTotal").GetInt32());
        var lines = account.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(2, lines.Count);
        var manual = lines.Single(l => l.GetProperty("source").GetString() == "manual");
        Assert.Equal("赵晓燕", manual.GetProperty("operator").GetString());
        Assert.Equal("缺席一次组织生活", manual.GetProperty("reason").GetString());
        Assert.Equal("基础分", manual.GetProperty("dimension").GetString());

        await BotHost.EventuallyAsync(() => Task.FromResult(bot.PushedTextsTo(DemoUsers.RetiredPartyMember).Any(t => t.Contains("扣了 3 分"))), TimeSpan.FromSeconds(10), "deduction notice");
        Assert.Single(bot.PushedTextsTo(DemoUsers.RetiredPartyMember), t => t.Contains("扣了 3 分"));
        var answer = await bot.SayAsync(DemoUsers.RetiredPartyMember, "积分明细");
        Assert.Contains("缺席一次组织生活，组织生活 -3 分", answer);
    }

    private static async Task<HttpResponseMessage> SendAsync(BotHost bot, HttpMethod method, string path, string? staff, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (staff is not null) request.Headers.Add(CheckInsApi.StaffHeader, staff);
        if (body is not null) request.Content = JsonContent.Create(body);
        return await bot.Http.SendAsync(request);
    }
}
