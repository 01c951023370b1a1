using System.Net;
using System.Text.Json;
using GovBot.Data;
using GovBot.Data.Messaging;
using GovBot.Data.Store;
using GovBot.Emulator;
using GovBot.Host.Tests.WeCom;
using GovBot.Host.WeCom.Crypto;
using GovBot.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovBot.Host.Tests.EndToEnd;

/// <summary>
/// The real host on a loopback port with a real SQLite file (a PostgreSQL database with GOVBOT_TEST_PROVIDER=Postgres), talking to a stand-in of WeCom's API, and
/// a simulated WeCom client that encrypts, signs and posts callbacks exactly as WeChat Work would.
/// The callback crypto uses WeCom's published sample Token, EncodingAESKey and CorpID.
/// </summary>
public sealed class BotHost : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> _factory;
    private readonly bool _ownsStandIn;
    private readonly bool _ownsData;

    private BotHost(WebApplicationFactory<Program> factory, WeComApiStandIn standIn, string dataDir, bool ownsStandIn, bool ownsData)
    {
        _factory = factory;
        StandIn = standIn;
        DataDir = dataDir;
        _ownsStandIn = ownsStandIn;
        _ownsData = ownsData;
        Http = factory.CreateClient();
        Crypto = new WeComCrypto(WeComSample.Token, WeComSample.EncodingAesKey, WeComSample.CorpId);
        WeCom = new WeComUserSimulator(Http, Crypto, WeComSample.CorpId, standIn.Options.AgentId.ToString(),
            // Signs with the host's clock, as WeCom's and the host's clocks agree: a shifted host refuses stale timestamps.
            factory.Services.GetRequiredService<TimeProvider>());
    }

    public WeComApiStandIn StandIn { get; }
    public string DataDir { get; }
    public HttpClient Http { get; }
    public WeComCrypto Crypto { get; }
    public WeComUserSimulator WeCom { get; }
    public IServiceProvider Services => _factory.Services;

    /// <summary>
    /// Starts a host; pass the stand-in and data folder of an earlier host to play a restart, and <paramref name="now"/>
    /// to run its clock from that instant (see <see cref="ShiftedTimeProvider"/>) instead of the real time; <paramref name="services"/>
    /// replaces registrations after the host's own (e.g. a state store that loses leases).
    /// </summary>
    public static async Task<BotHost> StartAsync(
        WeComApiStandIn? standIn = null, string? dataDir = null, IDictionary<string, string?>? settings = null, DateTimeOffset? now = null,
        Action<IServiceCollection>? services = null)
    {
        var ownsStandIn = standIn is null;
        standIn ??= await WeComApiStandIn.StartAsync(new WeComStandInOptions { CorpId = WeComSample.CorpId });
        var ownsData = dataDir is null;
        dataDir ??= Directory.CreateTempSubdirectory("govbot-e2e-").FullName;

        var all = new Dictionary<string, string?>
        {
            ["ConnectionStrings:GovBot"] = $"Data Source={Path.Combine(dataDir, "govbot.db")}",
            ["WeCom:CorpId"] = WeComSample.CorpId,
            ["WeCom:AgentId"] = standIn.Options.AgentId.ToString(),
            ["WeCom:Secret"] = standIn.Options.CorpSecret,
            ["WeCom:Token"] = WeComSample.Token,
            ["WeCom:EncodingAesKey"] = WeComSample.EncodingAesKey,
            ["WeCom:ApiBaseUrl"] = standIn.BaseUrl,
            ["WeCom:PassiveReplyBudget"] = "00:00:03",
            ["WeCom:Outbox:PollInterval"] = "00:00:00.200",
            // Real mode with the demo county asked for on purpose: the tests talk to its people.
            ["Data:SeedDemoCounty"] = "true",
            // The JSON staff endpoints' tests name their caller in the header, as an intranet script would.
            ["Staff:AllowStaffHeader"] = "true",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        if (TestStoreProvider.IsPostgres)
        {
            // GOVBOT_TEST_PROVIDER=Postgres: the same tests on PostgreSQL, with the Redis a shared store requires.
            all["Data:Provider"] = "Postgres";
            all["ConnectionStrings:GovBot"] = await TestStoreProvider.DatabaseForAsync(dataDir, MigrateAsync);
            all["ConnectionStrings:Redis"] = (await TestStoreProvider.RedisAsync()).ConnectionString;
            // One Redis serves every host of the test run: each data folder counts its members' messages on its own.
            all["State:KeyPrefix"] = TestStoreProvider.DatabaseNameFor(dataDir) + ":";
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;

        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            foreach (var (key, value) in all) b.UseSetting(key, value);
            // After the host's own registrations, which add the system clock only when none is registered.
            if (now is { } start) b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(new ShiftedTimeProvider(start)));
            if (services is not null) b.ConfigureTestServices(services);
        });
        // Port 0 through UseKestrel(int) still binds 5000 here; an explicit loopback listener gets a free port.
        factory.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        return new BotHost(factory, standIn, dataDir, ownsStandIn, ownsData);
    }

    /// <summary>Stops this host but keeps its data and the stand-in, for the next host to take over.</summary>
    public async Task StopAsync() => await _factory.DisposeAsync();

    public async Task<T> WithDbAsync<T>(Func<GovBotDb, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<GovBotDb>());
    }

    /// <summary>Brings a PostgreSQL test database's schema up to date, as the host's start would (for the template every host database copies).</summary>
    private static async Task MigrateAsync(string connectionString)
    {
        var options = new DbContextOptionsBuilder<GovBotDb>();
        options.UseGovBotPostgres(connectionString);
        await using var db = new GovBotDb(options.Options);
        await db.Database.MigrateAsync();
    }

    /// <summary>Opens the database file directly, as a person inspecting it after the host is gone would.</summary>
    public static async Task<T> ReadStoreAsync<T>(string dataDir, Func<GovBotDb, Task<T>> work)
    {
        var builder = new DbContextOptionsBuilder<GovBotDb>();
        if (TestStoreProvider.IsPostgres) builder.UseGovBotPostgres(await TestStoreProvider.DatabaseForAsync(dataDir, MigrateAsync));
        else builder.UseGovBotSqlite($"Data Source={Path.Combine(dataDir, "govbot.db")}");
        var options = builder.Options;
        await using var db = new GovBotDb(options);
        return await work(db);
    }

    /// <summary>
    /// What the member sees after one message: the passive answer plus anything pushed to them meanwhile. When
    /// another instance took the turn, or it ran past the passive budget, the reply arrives only as a push.
    /// </summary>
    public async Task<string> ReplyToAsync(string user, Func<Task<CallbackAnswer>> send, TimeSpan? wait = null, bool settle = false)
    {
        var pushedBefore = PushedTextsTo(user).Count;
        var answer = await send();
        if (answer.PassiveReply is null)
            await EventuallyAsync(() => Task.FromResult(PushedTextsTo(user).Count > pushedBefore), wait,
                $"No reply reached {user}.");
        // Settling waits for the turn's other pushes (a resume offer, a card to a grid worker) however slow the machine.
        if (settle) await SettledAsync();
        var pushes = PushedTextsTo(user).Skip(pushedBefore);
        return string.Join("\n", new[] { answer.PassiveReply }.Concat(pushes).OfType<string>());
    }

    /// <summary>The reply a member sees to a text message.</summary>
    public Task<string> SayAsync(string user, string text) => ReplyToAsync(user, () => WeCom.SendTextAsync(user, text));

    /// <summary>Texts pushed to <paramref name="user"/> through message/send, oldest first.</summary>
    public IReadOnlyList<string> PushedTextsTo(string user) =>
        StandIn.CallsTo("message/send")
            .Where(c => c.Recipients.Contains(user))
            .Select(PushText)
            .ToList();

    public static string PushText(WeComApiCall call) => call.MsgType switch
    {
        "text" => call.Body.GetProperty("text").GetProperty("content").GetString() ?? "",
        "template_card" => CardText(call.Body.GetProperty("template_card")),
        _ => call.Body.ToString(),
    };

    private static string CardText(JsonElement card)
    {
        var parts = new List<string>();
        if (card.TryGetProperty("main_title", out var title))
        {
            if (title.TryGetProperty("title", out var t)) parts.Add(t.GetString() ?? "");
            if (title.TryGetProperty("desc", out var d)) parts.Add(d.GetString() ?? "");
        }
        if (card.TryGetProperty("sub_title_text", out var sub)) parts.Add(sub.GetString() ?? "");
        if (card.TryGetProperty("button_list", out var buttons))
            parts.AddRange(buttons.EnumerateArray().Select(b => b.GetProperty("text").GetString() ?? ""));
        return string.Join("\n", parts);
    }

    /// <summary>
    /// The gap between two looks at a condition, in <see cref="EventuallyAsync"/> and <see cref="ConsistentlyAsync"/>
    /// alike: not a wait for something to happen (those wait on the condition itself, with generous limits), only how
    /// often it is looked at.
    /// </summary>
    private static Task NextLookAsync() => Task.Delay(LookEvery);

    private static readonly TimeSpan LookEvery = TimeSpan.FromMilliseconds(25);

    /// <summary>Waits (wall clock) until <paramref name="condition"/> holds.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, TimeSpan? timeout = null, string? because = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException(because ?? "The condition did not come true in time.");
            await NextLookAsync();
        }
    }

    /// <summary>
    /// Waits until every stored message has been handled and every push that is due has gone out, twice in a row a
    /// moment apart (a turn may queue a push just as the first look runs). A duplicate answer or push would have been
    /// made by then, so a count taken afterwards means something, however busy the machine is.
    /// </summary>
    public async Task SettledAsync(TimeSpan? timeout = null)
    {
        var quietLooks = 0;
        try
        {
            await EventuallyAsync(async () =>
            {
                quietLooks = await WorkLeftAsync() is [] ? quietLooks + 1 : 0;
                return quietLooks >= 2;
            }, timeout ?? TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            throw new TimeoutException("The host did not finish its work: " + string.Join("; ", await WorkLeftAsync()));
        }
    }

    private Task<List<string>> WorkLeftAsync()
    {
        var now = Services.GetRequiredService<TimeProvider>().GetUtcNow();
        return WithDbAsync(async db =>
            (await db.Inbox.Where(m => m.Status == InboxStatus.Pending).Select(m => "inbox " + m.DedupKey).ToListAsync())
            .Concat((await db.Outbox.Where(o => o.Status == OutboxStatus.Pending).ToListAsync())
                .Where(o => IsDue(o, now)).Select(o => $"outbox {o.Id} ({o.NotBefore:O}, {o.NextAttemptAt:O}, {o.LastError})"))
            .ToList());
    }

    /// <summary>
    /// A row is being worked on unless it waits on purpose: for a later time, or — after a refused try or a frequency
    /// limit, which leave a note — for its next attempt. A row merely claimed by a sender has no note and counts as due.
    /// </summary>
    private static bool IsDue(OutboxMessage row, DateTimeOffset now) =>
        row.NotBefore <= now && (row.LastError is null || row.NextAttemptAt is not { } next || next <= now);

    /// <summary>
    /// Checks that <paramref name="condition"/> keeps holding for a while: for what no state can show as finished
    /// (a scheduler's further sweeps), sampled throughout so the first break fails at once.
    /// </summary>
    public static async Task ConsistentlyAsync(Func<Task<bool>> condition, TimeSpan? window = null, string? because = null)
    {
        var until = DateTime.UtcNow + (window ?? TimeSpan.FromSeconds(2));
        do
        {
            Assert.True(await condition(), because ?? "Something more arrived.");
            await NextLookAsync();
        }
        while (DateTime.UtcNow < until);
        Assert.True(await condition(), because ?? "Something more arrived.");
    }

    public static Task ConsistentlyAsync(Func<bool> condition, TimeSpan? window = null, string? because = null) =>
        ConsistentlyAsync(() => Task.FromResult(condition()), window, because);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _factory.DisposeAsync();
        Crypto.Dispose();
        if (_ownsStandIn) await StandIn.DisposeAsync();
        if (TestStoreProvider.IsPostgres) await TestStoreProvider.ReleaseAsync(DataDir, drop: _ownsData);
        if (_ownsData)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(DataDir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
