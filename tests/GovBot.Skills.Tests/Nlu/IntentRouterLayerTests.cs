using GovBot.Data;
using GovBot.Skills.Nlu;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GovBot.Skills.Tests.Nlu;

/// <summary>
/// The router the engine gets is the rules' router wrapped by every layer a module adds (the model's router is one),
/// whichever order the modules were added in: the model's router no longer wins only by being registered last.
/// </summary>
public sealed class IntentRouterLayerTests
{
    [Fact]
    public async Task A_layer_added_before_the_rules_still_wraps_them_and_layers_apply_in_the_order_added()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.AddGovBotData();
        builder.Services.AddIntentRouterLayer((_, inner) => new Tagging("first", inner));
        builder.AddGovBotNlu();
        builder.Services.AddIntentRouterLayer((_, inner) => new Tagging("second", inner));
        // The demo county's place names in memory, so that the store is never opened.
        builder.Services.AddSingleton<IGazetteer>(new InMemoryGazetteer());
        await using var services = builder.Services.BuildServiceProvider();

        var router = services.GetRequiredService<IIntentRouter>();

        var outer = Assert.IsType<Tagging>(router);
        Assert.Equal("second", outer.Name);
        var first = Assert.IsType<Tagging>(outer.Inner);
        Assert.Same(services.GetRequiredService<IntentRouter>(), first.Inner);
        var parsed = await router.ParseAsync("查积分");
        Assert.Equal(services.GetRequiredService<IntentRouter>().Parse("查积分").Intent.Name, parsed.Intent.Name);
        Assert.EndsWith(">first>second", parsed.Router);
    }

    [Fact]
    public void Without_layers_the_rules_route_alone()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.AddGovBotData();
        builder.AddGovBotNlu();
        using var services = builder.Services.BuildServiceProvider();

        Assert.Same(services.GetRequiredService<IntentRouter>(), services.GetRequiredService<IIntentRouter>());
    }

    /// <summary>Passes the inner router's answer on, adding its name to the router's, so the order of layers shows.</summary>
    private sealed class Tagging(string name, IIntentRouter inner) : IIntentRouter
    {
        public string Name => name;
        public IIntentRouter Inner => inner;

        public async Task<NluResult> ParseAsync(string text, CancellationToken ct = default)
        {
            var result = await inner.ParseAsync(text, ct);
            return result with { Router = result.Router + ">" + name };
        }
    }
}
