using System.Net;
using GovBot.Emulator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace GovBot.Host.Tests.Emulator;

/// <summary>The emulator has no sign-in and a published demo password: it starts on loopback only.</summary>
public sealed class EmulatorLoopbackOnlyTests
{
    [Theory]
    [InlineData("urls", "http://0.0.0.0:5080")]
    [InlineData("urls", "http://127.0.0.1:5080;http://192.168.1.10:5080")]
    [InlineData("Kestrel:Endpoints:Lan:Url", "http://192.168.1.10:5080")]
    [InlineData("http_ports", "8080")]
    public void The_emulator_refuses_to_start_on_an_address_other_machines_reach(string key, string value)
    {
        var dataDir = Directory.CreateTempSubdirectory("govbot-emu-lan-").FullName;
        using var factory = new WebApplicationFactory<EmulatorProgram>().WithWebHostBuilder(b =>
        {
            b.UseSetting("ConnectionStrings:GovBot", $"Data Source={Path.Combine(dataDir, "govbot.db")}");
            b.UseSetting("Logging:LogLevel:Default", "Warning");
            b.UseSetting(key, value);
        });
        factory.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var error = Record.Exception(factory.StartServer);
        Assert.NotNull(error);
        Assert.Contains("only listens on loopback", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_loopback_it_starts_as_before()
    {
        await using var host = await EmulatorHost.StartAsync(new Dictionary<string, string?> { ["urls"] = "http://127.0.0.1:5080;http://localhost:5081;http://[::1]:5082" });
        using var page = await host.Http.GetAsync("/emulator");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }
}
