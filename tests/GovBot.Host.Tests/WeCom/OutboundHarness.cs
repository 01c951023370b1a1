using GovBot.Data;
using GovBot.Data.Messaging;
using GovBot.Emulator;
using GovBot.Host.WeCom.Api;
using GovBot.Host.WeCom.Outbox;
using GovBot.Skills.Conversation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace GovBot.Host.Tests.WeCom;

/// <summary>
/// The outbound side as the host wires it (AddWeComOutbound), against the loopback stand-in,
/// a real SQLite file and a fake clock. The host is built but not started unless a test starts it.
/// </summary>
internal sealed class OutboundHarness : IAsyncDisposable
{
    private readonly string _dbPath;

    private OutboundHarness(FakeTimeProvider time, WeComApiStandIn standIn, IHost host, string dbPath)
    {
        Time = time;
        StandIn = standIn;
        Host = host;
        _dbPath = dbPath;
    }

    public FakeTimeProvider Time { get; }
    public WeComApiStandIn StandIn { get; }
    public IHost Host { get; }

    public IServiceProvider Services => Host.Services;
    public OutboxSender Sender => Services.GetRequiredService<OutboxSender>();
    public IWeComApi Api => Services.GetRequiredService<IWeComApi>();

    /// <param name="knownUsers">The corp's members; null lets every user id exist.</param>
    /// <param name="settings">Overrides of configuration keys, e.g. "WeCom:ApiTimeout".</param>
    /// <param name="services">Registrations made before AddWeComOutbound, e.g. a shared state store.</param>
    public static async Task<OutboundHarness> StartAsync(
        IEnumerable<string>? knownUsers = null,
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null,
        FakeTimeProvider? time = null)
    {
        time ??= new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero));
        var standIn = await WeComApiStandIn.StartAsync(new WeComStandInOptions { KnownUsers = knownUsers, Time = time });

        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        var config = Settings(standIn);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) config[key] = value;
        builder.Configuration.AddInMemoryCollection(config);

        var dbPath = Path.Combine(Path.GetTempPath(), $"govbot-outbox-{Guid.NewGuid():N}.db");
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddDbContext<GovBotDb>(o => o.UseSqlite($"Data Source={dbPath};Pooling=False"));
        services?.Invoke(builder.Services);
        builder.AddWeComOutbound();
        var host = builder.Build();

        await using (var scope = host.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<GovBotDb>().Database.EnsureCreatedAsync();
        return new OutboundHarness(time, standIn, host, dbPath);
    }

    public static Dictionary<string, string?> Settings(WeComApiStandIn standIn) => new()
    {
        ["WeCom:CorpId"] = standIn.Options.CorpId,
        ["WeCom:AgentId"] = standIn.Options.AgentId.ToString(),
        ["WeCom:Secret"] = standIn.Options.CorpSecret,
        ["WeCom:Token"] = "callback-token",
        ["WeCom:EncodingAesKey"] = new string('k', 43),
        ["WeCom:ApiBaseUrl"] = standIn.BaseUrl,
        ["WeCom:ApiTimeout"] = "00:00:05",
    };

    public async Task<long> EnqueueAsync(ReplyPart part, IReadOnlyCollection<string> users, Func<OutboxPush, OutboxPush>? shape = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GovBotDb>();
        var push = new OutboxPush(part, users);
        var row = await db.EnqueuePushAsync(shape is null ? push : shape(push), Time.GetUtcNow())
            ?? throw new InvalidOperationException("The push was taken for a duplicate.");
        await db.SaveChangesAsync();
        return row.Id;
    }

    public async Task<OutboxMessage> RowAsync(long id)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GovBotDb>().Outbox.AsNoTracking().SingleAsync(o => o.Id == id);
    }

    public async Task<T> WithDbAsync<T>(Func<GovBotDb, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<GovBotDb>());
    }

    public static IReadOnlyList<string> Users(int count, string prefix = "u") =>
        Enumerable.Range(1, count).Select(i => $"{prefix}{i}").ToList();

    public async ValueTask DisposeAsync()
    {
        Host.Dispose();
        await StandIn.DisposeAsync();
        File.Delete(_dbPath);
    }
}
