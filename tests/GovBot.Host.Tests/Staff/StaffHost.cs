using System.Net;
using System.Text.RegularExpressions;
using GovBot.Data.Seeding;
using GovBot.Emulator;
using GovBot.Host.Staff;
using GovBot.Host.Tests.EndToEnd;
using GovBot.Host.Tests.WeCom;
using GovBot.Skills.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovBot.Host.Tests.Staff;

/// <summary>
/// The real host (<see cref="BotHost"/>) with a bootstrap admin and WeCom's web sign-in pointed at the stand-in,
/// plus helpers to sign in over plain HTTP and to file reports.
/// </summary>
public sealed partial class StaffHost : IAsyncDisposable
{
    public const string AdminPassword = "county-admin-pass";

    private StaffHost(BotHost bot, WeComApiStandIn standIn)
    {
        Bot = bot;
        StandIn = standIn;
    }

    public BotHost Bot { get; }
    public WeComApiStandIn StandIn { get; }
    public Uri BaseAddress => Bot.Http.BaseAddress!;

    public static async Task<StaffHost> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var standIn = await WeComApiStandIn.StartAsync(new WeComStandInOptions { CorpId = WeComSample.CorpId });
        var all = new Dictionary<string, string?>
        {
            ["Staff:BootstrapAdmin:UserName"] = DemoUsers.CountyAdmin,
            ["Staff:BootstrapAdmin:PasswordHash"] = StaffPasswords.Hash(AdminPassword),
        };
        foreach (var (key, value) in OAuthSettings(standIn)) all[key] = value;
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
        try
        {
            return new StaffHost(await BotHost.StartAsync(standIn, settings: all), standIn);
        }
        catch
        {
            // A host refused at start (a test of option validation) must not leave its stand-in listening.
            await standIn.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// A client with its own cookies that does not follow redirects, so tests see where they lead, and that sends the
    /// antiforgery token with its forms as a browser on the page would (<see cref="StaffFormTokens"/>).
    /// </summary>
    public HttpClient Client(CookieContainer? cookies = null) => Client(BaseAddress, cookies);

    /// <inheritdoc cref="Client(CookieContainer?)"/>
    public static HttpClient Client(Uri baseAddress, CookieContainer? cookies = null) =>
        new(new StaffFormTokens(new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer(), AllowAutoRedirect = false })) { BaseAddress = baseAddress };

    /// <summary>A client that sends exactly what it is given, as a page on another site or a script would.</summary>
    public HttpClient BareClient(CookieContainer? cookies = null) =>
        new(new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = BaseAddress };

    public async Task<HttpClient> AdminAsync(CookieContainer? cookies = null)
    {
        var client = Client(cookies);
        using var answer = await client.PostAsync("/staff/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = DemoUsers.CountyAdmin, ["password"] = AdminPassword, ["returnUrl"] = "/staff",
        }));
        Assert.Equal("/staff", answer.Headers.Location?.ToString());
        return client;
    }

    /// <summary>Signs <paramref name="userId"/> in as WeCom would after they opened the app: a code from the stand-in, then the callback.</summary>
    public Task<(HttpClient Client, HttpResponseMessage Answer)> WeComSignInAsync(string userId) => WeComSignInAsync(Bot, StandIn, userId);

    /// <summary>
    /// The same for any host whose <c>Staff:OAuthAuthorizeUrl</c> points at <paramref name="standIn"/>
    /// (<see cref="OAuthSettings"/>), such as a conversation story's.
    /// </summary>
    public static async Task<(HttpClient Client, HttpResponseMessage Answer)> WeComSignInAsync(BotHost bot, WeComApiStandIn standIn, string userId)
    {
        var client = Client(bot.Http.BaseAddress!);
        using var start = await client.GetAsync("/staff/oauth");
        var location = start.Headers.Location!.ToString();
        Assert.StartsWith(standIn.BaseUrl + WeComApiStandIn.AuthorizePath + "?appid=", location, StringComparison.Ordinal);
        Assert.Contains("scope=snsapi_base", location, StringComparison.Ordinal);
        var state = StateRegex().Match(location).Groups[1].Value;
        var code = standIn.IssueOAuthCode(userId);
        var answer = await client.GetAsync($"/staff/oauth/callback?code={code}&state={state}");
        return (client, answer);
    }

    /// <summary>WeCom's web sign-in pointed at the stand-in, so that staff of the demo county can open the pages.</summary>
    public static IDictionary<string, string?> OAuthSettings(WeComApiStandIn standIn) =>
        new Dictionary<string, string?> { ["Staff:OAuthAuthorizeUrl"] = standIn.BaseUrl + WeComApiStandIn.AuthorizePath };

    /// <summary>Files a report the way the chat does, for a seeded resident at their own building.</summary>
    public async Task<(int Id, string Ticket)> FileAsync(string residentId, string category, string text)
    {
        await using var scope = Bot.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GovBot.Data.GovBotDb>();
        var reports = scope.ServiceProvider.GetRequiredService<ReportService>();
        var resident = await db.People.FirstAsync(p => p.WeComUserId == residentId);
        var categoryId = await db.ReportCategories.Where(c => c.Name == category).Select(c => c.Id).FirstAsync();
        var report = await reports.FileAsync(new NewReport(categoryId, text, resident.CommunityId!.Value)
        {
            CompoundId = resident.CompoundId, BuildingId = resident.BuildingId,
        }, resident, CancellationToken.None);
        return (report.Id, report.Ticket);
    }

    [GeneratedRegex("[?&]state=([^&#]+)")]
    private static partial Regex StateRegex();

    public async ValueTask DisposeAsync()
    {
        await Bot.DisposeAsync();
        await StandIn.DisposeAsync();
    }
}
