using System.Security.Cryptography;
using System.Text;
using Xunit;

namespace GovBot.TestSupport;

/// <summary>
/// Which store the host tests run on: SQLite files (the default), or PostgreSQL when <c>GOVBOT_TEST_PROVIDER=Postgres</c>.
/// In that mode one PostgreSQL server and one redis-server serve the whole test process: started on first use, stopped
/// when the process exits, as a fixture per test class would start dozens of servers on a two-core machine.
/// </summary>
public static class TestStoreProvider
{
    public const string Variable = "GOVBOT_TEST_PROVIDER";

    private static readonly Lazy<Task<PostgresServerFixture>> Postgres = new(() => StartAsync(new PostgresServerFixture()));
    private static readonly Lazy<Task<RedisServerFixture>> Redis = new(() => StartAsync(new RedisServerFixture()));

    public static bool IsPostgres =>
        string.Equals(Environment.GetEnvironmentVariable(Variable), "Postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why a test that only makes sense on SQLite (its file, its log, its backups) does not run in this mode.</summary>
    public const string SqliteOnly = "SQLite only: this test is about the SQLite file; GOVBOT_TEST_PROVIDER=Postgres.";

    public static Task<PostgresServerFixture> PostgresAsync() => Postgres.Value;

    public static Task<RedisServerFixture> RedisAsync() => Redis.Value;

    /// <summary>
    /// The database of the host whose data folder is <paramref name="dataDir"/>: the same folder gives the same database,
    /// so a host started again on it (a restart) finds what the first one stored.
    /// </summary>
    public static async Task<string> DatabaseForAsync(string dataDir, Func<string, Task>? migrate = null)
    {
        var server = await PostgresAsync();
        var template = migrate is null ? null : await TemplateAsync(server, migrate);
        return await server.CreateDatabaseAsync(DatabaseNameFor(dataDir), template);
    }

    /// <summary>
    /// Lets go of a stopped host's connections, and drops its database when the test owned the data: pools are per
    /// connection string and keep idle connections for minutes, so hundreds of short-lived hosts would otherwise run
    /// the server out of connections (53300) and its disk full of databases.
    /// </summary>
    public static async Task ReleaseAsync(string dataDir, bool drop)
    {
        // Every pool: a stopped host's busy connections close as they come back, other hosts' simply reconnect.
        Npgsql.NpgsqlConnection.ClearAllPools();
        if (drop) await (await PostgresAsync()).DropDatabaseAsync(DatabaseNameFor(dataDir));
    }

    private static readonly SemaphoreSlim TemplateGate = new(1, 1);
    private static string? _template;

    /// <summary>
    /// A database migrated once per test process (by <paramref name="migrate"/>, given its connection string) that every
    /// new host database is copied from: migrating each of hundreds of hosts' databases from nothing took most of a
    /// PostgreSQL run. Only the schema is in it; each host still seeds its own data at start.
    /// </summary>
    private static async Task<string> TemplateAsync(PostgresServerFixture server, Func<string, Task> migrate)
    {
        await TemplateGate.WaitAsync();
        try
        {
            if (_template is not null) return _template;
            var name = $"govbot_template_{Environment.ProcessId}";
            var connectionString = await server.CreateDatabaseAsync(name);
            await migrate(connectionString);
            // A template can be copied only while nobody is connected to it.
            Npgsql.NpgsqlConnection.ClearAllPools();
            return _template = name;
        }
        finally
        {
            TemplateGate.Release();
        }
    }

    public static string DatabaseNameFor(string dataDir) =>
        "govbot_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(dataDir))))[..20];

    private static async Task<T> StartAsync<T>(T fixture) where T : IAsyncLifetime
    {
        await fixture.InitializeAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => fixture.DisposeAsync().GetAwaiter().GetResult();
        return fixture;
    }
}
