using System.Net;
using GovBot.Emulator;
using GovBot.Host.Tests.EndToEnd;
using GovBot.Host.Tests.WeCom;
using GovBot.Host.WeCom.Api;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GovBot.Host.Tests.Emulator;

/// <summary>The production host has no emulator; the emulator always plays the whole corp.</summary>
public sealed class EmulatorSwitchTests
{
    [Fact]
    public async Task The_production_host_has_no_emulator()
    {
        await using var bot = await BotHost.StartAsync();

        Assert.Null(bot.Services.GetService<EmulatorStandIn>());
        var wecom = bot.Services.GetRequiredService<IOptions<WeComOptions>>().Value;
        Assert.Equal(WeComSample.CorpId, wecom.CorpId);
        Assert.Equal(bot.StandIn.BaseUrl, wecom.ApiBaseUrl);

        foreach (var path in new[] { "emulator", "emulator/api/users", "emulator/api/messages?user=zhangli", "emulator/photo.png" })
        {
            using var response = await bot.Http.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        using var send = await bot.Http.PostAsync("emulator/api/send", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.NotFound, send.StatusCode);
    }

    [Fact]
    public void The_production_host_without_WeCom_settings_refuses_to_start_and_names_the_emulator()
    {
        var dataDir = Directory.CreateTempSubdirectory("govbot-nowecom-").FullName;
        try
        {
            using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
            {
                b.UseSetting("ConnectionStrings:GovBot", $"Data Source={Path.Combine(dataDir, "govbot.db")}");
                b.UseSetting("Logging:LogLevel:Default", "Warning");
            });
            var error = Record.Exception(factory.StartServer);
            Assert.NotNull(error);
            Assert.Contains("dotnet run --project src/GovBot.Emulator", error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(dataDir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    [Fact]
    public async Task The_emulator_plays_the_whole_corp_even_where_WeCom_is_configured()
    {
        await using var host = await EmulatorHost.StartAsync(new Dictionary<string, string?> { ["WeCom:CorpId"] = "ww-real-corp" });

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
