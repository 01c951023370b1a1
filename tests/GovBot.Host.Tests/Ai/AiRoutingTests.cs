using GovBot.Data.Seeding;
using GovBot.Skills.Nlu;
using Microsoft.Extensions.DependencyInjection;

namespace GovBot.Host.Tests.Ai;

/// <summary>With a model configured, its function call routes the message and fills the slots of one sentence.</summary>
public sealed class AiRoutingTests : IAsyncLifetime
{
    // The rules find no intent here: none of their words for 飞线充电 occurs.
    private const string Dangling = "3号楼那家天天顺着阳台吊根线下来给电驴子续航";

    private AiHost _ai = null!;

    public async Task InitializeAsync() => _ai = await AiHost.StartAsync();

    public async Task DisposeAsync() => await _ai.DisposeAsync();

    [Fact]
    public async Task A_tool_call_routes_a_sentence_the_rules_miss_and_the_report_reaches_its_summary()
    {
        var rules = _ai.Bot.Services.GetRequiredService<RuleIntentRouter>();
        Assert.Equal(Intents.Other, rules.Parse(Dangling).Intent.Name);
        _ai.Model.Answer = StubReply.Calls("report_problem", new { category = "飞线充电", building = "3" });

        var reply = await _ai.Bot.SayAsync(DemoUsers.Resident, Dangling);

        Assert.Contains("要上报的问题", reply);
        Assert.Contains("飞线充电", reply);
        Assert.Contains("3号楼", reply);
        Assert.Contains("清华苑一期", reply);
        // Nothing is filed before the resident says yes.
        Assert.Equal(0, await _ai.Bot.WithDbAsync(db => Task.FromResult(db.Reports.Count())));
    }

    [Fact]
    public async Task The_parse_endpoint_says_the_model_answered_and_gives_its_slots()
    {
        _ai.Model.Answer = StubReply.Calls("report_problem", new { category = "飞线充电", building = "3号楼" });

        var parsed = await AiHost.ParseAsync(_ai.Bot, Dangling);

        Assert.Equal("llm", parsed.GetProperty("router").GetString());
        Assert.False(parsed.TryGetProperty("fallback", out _));
        Assert.Equal(Intents.ReportProblem, parsed.GetProperty("intent").GetProperty("name").GetString());
        Assert.Equal("飞线充电", AiHost.Entity(parsed, Entities.Category));
        Assert.Equal("3", AiHost.Entity(parsed, Entities.Building));
    }

    [Fact]
    public async Task The_model_sees_the_county_from_the_prompt_file_and_every_skill_function_but_no_phone_number()
    {
        _ai.Model.Answer = StubReply.Calls("report_problem", new { category = "飞线充电" });

        var parsed = await AiHost.ParseAsync(_ai.Bot, "有人在楼下飞线充电，我电话13812345678，也可以打 0351-5721234");

        var system = _ai.Model.LastMessage("system")!;
        Assert.Contains("分流员", system);
        Assert.Contains("清华苑一期", system);
        Assert.Contains("飞线充电", system);
        var user = _ai.Model.LastMessage("user")!;
        Assert.DoesNotContain("13812345678", user);
        Assert.DoesNotContain("5721234", user);
        Assert.Contains("[电话]", user);
        Assert.Contains(_ai.Model.OfferedFunctions(), f => f.EndsWith("report_problem", StringComparison.Ordinal));
        Assert.Contains(_ai.Model.OfferedFunctions(), f => f.EndsWith("check_in", StringComparison.Ordinal));
        Assert.Contains(_ai.Model.OfferedFunctions(), f => f.EndsWith("handoff", StringComparison.Ordinal));
        // The number is still there for the skills: the rules found it in the original text.
        Assert.Equal("13812345678", AiHost.Entity(parsed, Entities.Phone));
    }

    [Fact]
    public async Task Short_answers_are_read_by_the_rules_without_asking_the_model()
    {
        var parsed = await AiHost.ParseAsync(_ai.Bot, "取消");

        Assert.Equal("rules", parsed.GetProperty("router").GetString());
        Assert.Empty(_ai.Model.Requests);
    }
}
