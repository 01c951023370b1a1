using System.Net;
using System.Net.Http.Json;
using GovBot.Data.Seeding;
using GovBot.Host.CheckIns;
using GovBot.Host.Nlu;
using GovBot.Host.Tests.Emulator;
using GovBot.Host.Tests.EndToEnd;

namespace GovBot.Host.Tests.Staff;

/// <summary>/api/nlu/parse may be a paid model call: outside the demo it needs a caller, and each caller has a budget.</summary>
public sealed class NluApiAccessTests
{
    private const string Key = "measuring-tool-key-0001";

    [Fact]
    public async Task Outside_emulator_mode_parse_needs_staff_or_a_key_and_each_caller_is_rate_limited()
    {
        await using var bot = await BotHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["NluApi:ApiKeys:0"] = Key, ["NluApi:PermitsPerMinute"] = "3",
        });

        using (var anonymous = await bot.Http.PostAsJsonAsync("/api/nlu/parse", new { text = "3号楼楼道堆满了杂物" }))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
            Assert.DoesNotContain("intent", await anonymous.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using (var wrong = await ParseAsync(bot, ("X-Api-Key", "a-key-nobody-was-given")))
            Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        using (var resident = await ParseAsync(bot, (CheckInsApi.StaffHeader, DemoUsers.Resident)))
            Assert.Equal(HttpStatusCode.Forbidden, resident.StatusCode);

        for (var i = 0; i < 3; i++)
        {
            using var ok = await ParseAsync(bot, (NluApi.ApiKeyHeader, Key));
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }
        using (var fourth = await ParseAsync(bot, (NluApi.ApiKeyHeader, Key)))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
            Assert.Contains("调用太频繁", await fourth.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        // Another caller has a budget of their own.
        using var staff = await ParseAsync(bot, (CheckInsApi.StaffHeader, DemoUsers.Staff));
        Assert.Equal(HttpStatusCode.OK, staff.StatusCode);
    }

    [Fact]
    public async Task In_emulator_mode_the_demo_parses_without_sign_in()
    {
        await using var host = await EmulatorHost.StartAsync();
        using var answer = await host.Http.PostAsJsonAsync("/api/nlu/parse", new { text = "3号楼楼道堆满了杂物" });
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
    }

    private static Task<HttpResponseMessage> ParseAsync(BotHost bot, (string Name, string Value) header)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/nlu/parse") { Content = JsonContent.Create(new { text = "3号楼楼道堆满了杂物" }) };
        request.Headers.Add(header.Name, header.Value);
        return bot.Http.SendAsync(request);
    }
}
