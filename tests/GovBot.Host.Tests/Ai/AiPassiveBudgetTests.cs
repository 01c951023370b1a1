using GovBot.Data.Seeding;

namespace GovBot.Host.Tests.Ai;

/// <summary>A model answer that comes after WeCom's passive window still reaches the resident, through the API.</summary>
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
}
