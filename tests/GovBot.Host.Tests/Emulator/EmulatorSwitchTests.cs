using System.Net;
using GovBot.Host.Emulator;
using GovBot.Host.Tests.EndToEnd;
using GovBot.Host.Tests.WeCom;
using GovBot.Host.WeCom.Api;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GovBot.Host.Tests.Emulator;

/// <summary>When the emulator is on and when it is off.</summary>
public sealed class EmulatorSwitchTests
{
    [Fact]
    public async Task Configured_WeCom_credentials_turn_the_emulator_off()
    {
        // Null removes BotHost's explicit "Emulator:Enabled=false": the CorpId alone decides.
        await using var bot = await BotHost.StartAsync(settings: new Dictionary<string, string?> { ["Emulator:Enabled"] = null });

        Assert.False(bot.Services.GetRequiredService<IOptions<EmulatorOptions>>().Value.IsOn);
        var wecom = bot.Services.GetRequiredService<IOptions<WeComOptions>>().Value;
        Assert.Equal(WeComSample.CorpId, wecom.CorpId);
        Assert.Equal(bot.StandIn.BaseUrl, wecom.ApiBaseUrl);
        Assert.False(bot.Services.GetRequiredService<EmulatorStandIn>().IsStarted);

        foreach (var path in new[] { "emulator", "emulator/api/users", "emulator/api/messages?user=zhangli", "emulator/photo.png" })
        {
            using var response = await bot.Http.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        using var send = await bot.Http.PostAsync("emulator/api/send", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.NotFound, send.StatusCode);
    }

    [Fact]
    public async Task The_emulator_can_be_switched_on_explicitly_and_then_plays_the_whole_corp()
    {
        await using var host = await EmulatorHost.StartAsync(new Dictionary<string, string?>
        {
            ["WeCom:CorpId"] = "ww-real-corp",
            ["Emulator:Enabled"] = "true",
        });

        Assert.Equal(EmulatorCredentials.CorpId, host.Services.GetRequiredService<IOptions<WeComOptions>>().Value.CorpId);
        using var page = await host.Http.GetAsync("emulator");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080", "http://127.0.0.1:5080")]
    [InlineData("http://localhost:5080", "http://localhost:5080")]
    [InlineData("http://+:80", "http://127.0.0.1:80")]
    [InlineData("http://*:8080", "http://127.0.0.1:8080")]
    [InlineData("http://0.0.0.0:8080", "http://127.0.0.1:8080")]
    [InlineData("http://[::]:8080", "http://[::1]:8080")]
    public void Wildcard_listen_addresses_are_reached_on_loopback(string listen, string reached) =>
        Assert.Equal(reached, EmulatorLoopback.Reachable(listen));
}
