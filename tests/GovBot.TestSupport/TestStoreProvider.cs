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
    public static async Task<string> DatabaseForAsync(string dataDir) =>
        await (await PostgresAsync()).CreateDatabaseAsync(DatabaseNameFor(dataDir));

    public static string DatabaseNameFor(string dataDir) =>
        "govbot_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(dataDir))))[..20];

    private static async Task<T> StartAsync<T>(T fixture) where T : IAsyncLifetime
    {
        await fixture.InitializeAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => fixture.DisposeAsync().GetAwaiter().GetResult();
        return fixture;
    }
}
