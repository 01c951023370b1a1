using GovBot.Data.Seeding;
using GovBot.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GovBot.Data.Tests;

public sealed class RegistrationTests : IDisposable
{
    private readonly TestStore _store = new();

    public void Dispose() => _store.Dispose();

    private IHost BuildHost(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = _store.Folder,
            EnvironmentName = Environments.Development,
            DisableDefaults = true,
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddGovBotData();
        builder.AddGovBotData(); // a second call must not register a second initializer
        return builder.Build();
    }

    [Fact]
    public async Task Starting_the_host_migrates_and_seeds_the_default_file_under_the_content_root()
    {
        // The demo is asked for here; on its own the data layer loads none (the host decides: the emulator asks for it).
        using var host = BuildHost(new() { ["Data:SeedDemoCounty"] = "true" });
        await host.StartAsync();

        Assert.True(File.Exists(Path.Combine(_store.Folder, "data", "govbot.db")));
        Assert.Single(host.Services.GetServices<IHostedService>().OfType<DatabaseInitializer>());
        using (var scope = host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GovBotDb>();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.True(await db.People.AnyAsync(p => p.WeComUserId == DemoUsers.Resident));
        }

        // Starting again (a restart on the same file) neither fails nor seeds twice.
        var count = await CountPeopleAsync(host);
        await host.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        Assert.Equal(count, await CountPeopleAsync(host));
        await host.StopAsync();
    }

    [Fact]
    public async Task Without_a_setting_the_store_starts_empty_and_a_demo_store_is_refused_where_the_host_says_so()
    {
        using (var host = BuildHost([]))
        {
            await host.StartAsync();
            Assert.Equal(0, await CountPeopleAsync(host));
            await host.StopAsync();
        }
        using (var demo = BuildHost(new() { ["Data:SeedDemoCounty"] = "true" }))
        {
            await demo.StartAsync();
            Assert.True(demo.Services.GetRequiredService<DemoStore>().HoldsDemoCounty);
            await demo.StopAsync();
        }
        using var real = BuildHost(new() { ["Data:RefuseDemoStore"] = "true" });
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => real.StartAsync());
        Assert.Contains("Data:SeedDemoCounty=true", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Seeding_can_be_turned_off_and_the_connection_string_chosen()
    {
        using var host = BuildHost(new()
        {
            ["ConnectionStrings:GovBot"] = "Data Source=custom/store.db",
            ["Data:SeedDemoCounty"] = "false",
        });
        await host.StartAsync();

        Assert.True(File.Exists(Path.Combine(_store.Folder, "custom", "store.db")));
        Assert.Equal(0, await CountPeopleAsync(host));
        await using (var db = await host.Services.GetRequiredService<IDbContextFactory<GovBotDb>>().CreateDbContextAsync())
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        await host.StopAsync();
    }

    private static async Task<int> CountPeopleAsync(IHost host)
    {
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<GovBotDb>>().CreateDbContextAsync();
        return await db.People.CountAsync();
    }
}
