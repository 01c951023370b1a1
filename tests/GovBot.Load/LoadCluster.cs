using GovBot.Data;
using GovBot.TestSupport;

namespace GovBot.Load;

/// <summary>
/// What the members talk to: one host on SQLite (the embedded default), one host on PostgreSQL, or several hosts on
/// one PostgreSQL and one Redis behind a <see cref="HostProxy"/>. The PostgreSQL and redis-server are throwaway ones on
/// loopback, started as the tests start them (GOVBOT_TEST_POSTGRES and --redis name existing ones instead).
/// </summary>
public sealed class LoadCluster : IAsyncDisposable
{
    private readonly List<HostUnderTest> _hosts = [];
    private PostgresServerFixture? _postgres;
    private RedisServerFixture? _redis;
    private HostProxy? _proxy;
    private string? _database;

    public IReadOnlyList<HostUnderTest> Hosts => _hosts;
    /// <summary>Where WeCom posts callbacks: the proxy in front of several hosts, or the one host.</summary>
    public string BaseUrl => _proxy?.BaseUrl ?? _hosts[0].BaseUrl;
    public bool OnPostgres => _database is not null;
    public string? Redis { get; private set; }
    /// <summary>The host that survives a --kill-at of a cluster: the first; the last one is killed.</summary>
    public HostUnderTest First => _hosts[0];

    /// <summary>Completes as soon as any host answers: at once while one does, after a restart while none does.</summary>
    public Task AnsweringAsync(CancellationToken ct) => Task.WhenAny(_hosts.Select(h => h.Answering)).WaitAsync(ct);

    public string Describe() =>
        $"{(OnPostgres ? "PostgreSQL" : "SQLite")}, {_hosts.Count} host{(_hosts.Count > 1 ? "s behind YARP" : "")}, state in {(Redis is null ? "memory" : "Redis")}";

    public static async Task<LoadCluster> StartAsync(LoadOptions options, string repoRoot, string apiBaseUrl, string secret, CancellationToken ct)
    {
        var cluster = new LoadCluster { Redis = options.Redis };
        try
        {
            var settings = new Dictionary<string, string?>();
            if (options.Provider == StoreProvider.Postgres)
            {
                cluster._postgres = new PostgresServerFixture();
                await cluster._postgres.InitializeAsync();
                cluster._database = await cluster._postgres.CreateDatabaseAsync("govbot_load_" + Guid.NewGuid().ToString("N")[..8]);
                // On PostgreSQL the hosts share dialogs, limits and leases through Redis, which is then required.
                if (cluster.Redis is null)
                {
                    cluster._redis = new RedisServerFixture();
                    await cluster._redis.InitializeAsync();
                    cluster.Redis = cluster._redis.ConnectionString;
                }
                settings["Data__Provider"] = "Postgres";
                settings["ConnectionStrings__GovBot"] = cluster._database;
                // A killed host's reminders move to another within ten seconds.
                settings["Reminders__Cluster__CheckinInterval"] = "00:00:05";
                settings["Reminders__Cluster__CheckinMisfireThreshold"] = "00:00:05";
            }
            // One after the other: the first migrates and seeds the shared store, the next finds it ready.
            for (var i = 0; i < options.Hosts; i++)
                cluster._hosts.Add(await HostUnderTest.StartAsync(repoRoot, apiBaseUrl, secret, cluster.Redis, ct, settings));
            if (options.Hosts > 1) cluster._proxy = await HostProxy.StartAsync([.. cluster._hosts.Select(h => h.BaseUrl)], ct);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>The shared store, opened as an operator would look at it after the run.</summary>
    public GovBotDb OpenStore() => OnPostgres ? StoreAudit.OpenPostgres(_database!) : StoreAudit.OpenSqlite(First.DatabasePath);

    /// <summary>Whether the store outlives the run (a run whose audit failed keeps it, to look into).</summary>
    public void Keep(bool keep)
    {
        foreach (var host in _hosts) host.KeepData = keep;
        if (keep && OnPostgres) Console.WriteLine($"The PostgreSQL store is lost with its throwaway server; rerun with GOVBOT_TEST_POSTGRES to keep it.");
    }

    public async ValueTask DisposeAsync()
    {
        if (_proxy is not null) await _proxy.DisposeAsync();
        foreach (var host in _hosts) await host.DisposeAsync();
        if (_redis is not null) await _redis.DisposeAsync();
        if (_postgres is not null) await _postgres.DisposeAsync();
    }
}
