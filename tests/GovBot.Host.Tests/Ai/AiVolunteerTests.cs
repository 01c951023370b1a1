using GovBot.Data.Seeding;
using GovBot.Skills.Nlu;
using Microsoft.Extensions.DependencyInjection;

namespace GovBot.Host.Tests.Ai;

/// <summary>With a model configured, its join_volunteer_team call starts the volunteer skill for a sentence the rules miss.</summary>
public sealed class AiVolunteerTests : IAsyncLifetime
{
    private const string Offer = "退休在家闲得慌 想给咱社区出把力 有啥组织能让俺去不";

    private AiHost _ai = null!;

    public async Task InitializeAsync() => _ai = await AiHost.StartAsync();

    public async Task DisposeAsync() => await _ai.DisposeAsync();

    [Fact]
    public async Task The_model_routes_an_offer_to_help_to_the_list_of_teams()
    {
        Assert.NotEqual(Intents.Volunteer, _ai.Bot.Services.GetRequiredService<RuleIntentRouter>().Parse(Offer).Intent.Name);
        _ai.Model.Answer = StubReply.Calls("join_volunteer_team", new { });

        var reply = await _ai.Bot.SayAsync(DemoUsers.Resident, Offer);

        Assert.Contains(_ai.Model.OfferedFunctions(), f => f.EndsWith("join_volunteer_team", StringComparison.Ordinal));
        Assert.Contains("想加入哪个队", reply);
        Assert.Contains("红色唠嗑队", reply);
    }
}
