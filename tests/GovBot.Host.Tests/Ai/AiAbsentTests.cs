using GovBot.Host.Tests.EndToEnd;
using GovBot.Skills.Nlu;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;

namespace GovBot.Host.Tests.Ai;

/// <summary>Without section AI the bot routes locally: no kernel, no model, the rules and the trained classifier answer.</summary>
public sealed class AiAbsentTests
{
    [Fact]
    public async Task Without_an_endpoint_the_local_router_routes_and_no_kernel_exists()
    {
        await using var bot = await BotHost.StartAsync();

        Assert.IsType<IntentRouter>(bot.Services.GetRequiredService<IIntentRouter>());
        Assert.Null(bot.Services.GetService<Kernel>());
        var parsed = await AiHost.ParseAsync(bot, "3号楼楼道灯不亮了");
        Assert.Equal(IntentRouter.RouterName, parsed.GetProperty("router").GetString());
        Assert.False(parsed.TryGetProperty("fallback", out _));
    }

    [Fact]
    public async Task A_bad_endpoint_stops_the_host_at_start()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => BotHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["AI:Endpoint"] = "ftp://example/v1",
            ["AI:Model"] = "qwen",
        }));
        Assert.Contains("AI:Endpoint", error.ToString());
    }
}
