using System.Diagnostics;
using GovBot.Data.Seeding;

namespace GovBot.Host.Tests.Ai;

/// <summary>
/// A model answer that comes after WeCom's passive window still reaches the resident, through the API, and a slow
/// model holds up nobody else.
/// </summary>
public sealed class AiPassiveBudgetTests : IAsyncLifetime
{
    private AiHost _ai = null!;

    public async Task InitializeAsync() => _ai = await AiHost.StartAsync(timeout: "00:00:03", settings: new Dictionary<string, string?>
    {
        ["WeCom:PassiveReplyBudget"] = "00:00:00.500",
    });

    public async Task DisposeAsync() => await _ai.DisposeAsync();

    [Fact]
    public async Task A_slow_but_good_answer_is_pushed_with_the_summary()
    {
        _ai.Model.Answer = r => StubReply.Calls("report_problem", new { category = "飞线充电", building = "3" })(r).After(TimeSpan.FromSeconds(1.5));

        var answer = await _ai.Bot.WeCom.SendTextAsync(DemoUsers.Resident, "3号楼那家天天顺着阳台吊根线下来给电驴子续航");

        Assert.Null(answer.PassiveReply);
        await EndToEnd.BotHost.EventuallyAsync(
            () => Task.FromResult(_ai.Bot.PushedTextsTo(DemoUsers.Resident).Any(t => t.Contains("飞线充电") && t.Contains("3号楼"))),
            because: "the summary should have been pushed");
    }

    [Fact]
    public async Task While_the_model_reads_one_residents_message_a_neighbour_is_answered_at_once()
    {
        _ai.Model.Answer = r => StubReply.Calls("report_problem", new { category = "飞线充电", building = "3" })(r).After(TimeSpan.FromSeconds(2.5));
        var slow = _ai.Bot.WeCom.SendTextAsync(DemoUsers.Resident, "3号楼那家天天顺着阳台吊根线下来给电驴子续航");
        await EndToEnd.BotHost.EventuallyAsync(() => Task.FromResult(_ai.Model.Requests.Count > 0), because: "the model was never asked");

        var watch = Stopwatch.StartNew();
        var menu = await _ai.Bot.SayAsync(DemoUsers.Neighbour, "帮助");

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1.5), $"the neighbour waited {watch.Elapsed} behind the model");
        Assert.Contains("上报", menu);
        await slow;
        await EndToEnd.BotHost.EventuallyAsync(
            () => Task.FromResult(_ai.Bot.PushedTextsTo(DemoUsers.Resident).Any(t => t.Contains("飞线充电"))),
            because: "the slow resident's summary should still arrive");
    }
}
