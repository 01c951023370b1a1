using System.Net;
using GovBot.Data;
using GovBot.Data.People;
using GovBot.Data.Seeding;
using GovBot.Host.Staff;
using GovBot.Host.Tests.EndToEnd;
using GovBot.Host.Tests.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovBot.Host.Tests.GoingLive;

/// <summary>
/// A host given real WeCom credentials starts on an empty store: no invented people, no demo county admin, and the
/// first county admin is the one configured. A store holding the demo county is refused in real mode unless the
/// operator asks for the demo on purpose, and then every staff page says it shows made-up data.
/// </summary>
public sealed class RealModeStartTests
{
    private static Dictionary<string, string?> RealMode(string? admin = "wangfang.admin") => new()
    {
        // Not asked for: real mode decides (BotHost asks for the demo explicitly, as most tests talk to its people).
        ["Data:SeedDemoCounty"] = null,
        ["Staff:BootstrapAdmin:UserName"] = admin,
        ["Staff:BootstrapAdmin:PasswordHash"] = admin is null ? null : StaffPasswords.Hash(StaffHost.AdminPassword),
    };

    [Fact]
    public async Task Real_mode_starts_empty_and_only_the_configured_admin_is_a_county_admin()
    {
        await using var bot = await BotHost.StartAsync(settings: RealMode());

        await using var scope = bot.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GovBotDb>();
        Assert.Equal(0, await db.Counties.CountAsync());
        Assert.Equal(0, await db.Communities.CountAsync());
        var people = await db.People.ToListAsync();
        var admin = Assert.Single(people);
        Assert.Equal("wangfang.admin", admin.WeComUserId);
        Assert.True(admin.Has(Roles.CountyAdmin));
        Assert.False(await db.People.AnyAsync(p => p.WeComUserId == DemoUsers.CountyAdmin));
        Assert.False(bot.Services.GetRequiredService<DemoStore>().HoldsDemoCounty);
    }

    [Fact]
    public async Task A_real_employee_with_the_demo_admins_user_id_gets_no_staff_rights()
    {
        await using var standIn = await GovBot.Emulator.WeComApiStandIn.StartAsync(
            new GovBot.Emulator.WeComStandInOptions { CorpId = WeCom.WeComSample.CorpId });
        var settings = RealMode();
        settings["Staff:OAuthAuthorizeUrl"] = standIn.BaseUrl + GovBot.Emulator.WeComApiStandIn.AuthorizePath;
        await using var bot = await BotHost.StartAsync(standIn, settings: settings);
        var staff = new SignIn(bot, standIn);

        var (_, stranger) = await staff.WeComAsync(DemoUsers.CountyAdmin);
        Assert.Equal(HttpStatusCode.Forbidden, stranger.StatusCode);

        // The configured first admin signs in through WeCom, with nothing imported yet.
        var (client, answer) = await staff.WeComAsync("wangfang.admin");
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        var page = await client.GetStringAsync("/staff");
        Assert.DoesNotContain("demo-banner", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_store_holding_the_demo_county_is_refused_in_real_mode_unless_asked_for()
    {
        var dataDir = Directory.CreateTempSubdirectory("govbot-demo-store-").FullName;
        try
        {
            await using (var demo = await BotHost.StartAsync(dataDir: dataDir))
                Assert.True(demo.Services.GetRequiredService<DemoStore>().HoldsDemoCounty);

            var refused = await Assert.ThrowsAnyAsync<Exception>(() => BotHost.StartAsync(dataDir: dataDir, settings: RealMode()));
            Assert.Contains("demo county", Flatten(refused), StringComparison.Ordinal);

            // The operator's explicit override starts it, and the staff pages say the data are made up.
            var settings = RealMode();
            settings["Data:SeedDemoCounty"] = "true";
            await using var kept = await BotHost.StartAsync(dataDir: dataDir, settings: settings);
            var client = await new SignIn(kept, kept.StandIn).PasswordAsync("wangfang.admin");
            var page = await client.GetStringAsync("/staff");
            Assert.Contains("演示数据", page, StringComparison.Ordinal);
            Assert.Contains("demo-banner", page, StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(dataDir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    [Fact]
    public async Task A_store_that_never_held_the_demo_opens_in_real_mode_again_with_what_was_added()
    {
        var dataDir = Directory.CreateTempSubdirectory("govbot-real-store-").FullName;
        try
        {
            await using (var first = await BotHost.StartAsync(dataDir: dataDir, settings: RealMode()))
            {
                await using var scope = first.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<GovBotDb>();
                db.Counties.Add(new GovBot.Data.Places.County { Name = "襄垣县", Code = "140423" });
                await db.SaveChangesAsync();
            }
            await using var again = await BotHost.StartAsync(dataDir: dataDir, settings: RealMode());
            await using var scope2 = again.Services.CreateAsyncScope();
            var county = await scope2.ServiceProvider.GetRequiredService<GovBotDb>().Counties.SingleAsync();
            Assert.Equal("140423", county.Code);
            Assert.False(again.Services.GetRequiredService<DemoStore>().HoldsDemoCounty);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(dataDir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    [Fact]
    public async Task The_emulator_loads_the_demo_county_and_says_so_on_the_staff_pages()
    {
        await using var host = await GovBot.Host.Tests.Emulator.EmulatorHost.StartAsync();
        Assert.True(host.Services.GetRequiredService<DemoStore>().HoldsDemoCounty);
        await using var scope = host.Services.CreateAsyncScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<GovBotDb>().People.AnyAsync(p => p.WeComUserId == DemoUsers.Resident));
    }

    private static string Flatten(Exception e) => e.InnerException is null ? e.Message : e.Message + " " + Flatten(e.InnerException);
}

/// <summary>Signs in to a host's staff pages as a browser would: with the configured password, or through WeCom's stand-in.</summary>
internal sealed partial class SignIn(BotHost bot, GovBot.Emulator.WeComApiStandIn standIn)
{
    public HttpClient Client() =>
        new(new StaffFormTokens(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })) { BaseAddress = bot.Http.BaseAddress };

    public async Task<HttpClient> PasswordAsync(string userName)
    {
        var client = Client();
        using var answer = await client.PostAsync("/staff/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = userName, ["password"] = StaffHost.AdminPassword, ["returnUrl"] = "/staff",
        }));
        Assert.Equal("/staff", answer.Headers.Location?.ToString());
        return client;
    }

    public async Task<(HttpClient Client, HttpResponseMessage Answer)> WeComAsync(string userId)
    {
        var client = Client();
        using var start = await client.GetAsync("/staff/oauth");
        var state = StateRegex().Match(start.Headers.Location!.ToString()).Groups[1].Value;
        var code = standIn.IssueOAuthCode(userId);
        return (client, await client.GetAsync($"/staff/oauth/callback?code={code}&state={state}"));
    }

    [System.Text.RegularExpressions.GeneratedRegex("[?&]state=([^&#]+)")]
    private static partial System.Text.RegularExpressions.Regex StateRegex();
}
