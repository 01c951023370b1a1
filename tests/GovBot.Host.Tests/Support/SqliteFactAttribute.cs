using GovBot.TestSupport;

namespace GovBot.Host.Tests.Support;

/// <summary>
/// A test about the SQLite file itself (its backups, its log, a crash of it): skipped, with the reason, when the host
/// tests run on PostgreSQL (GOVBOT_TEST_PROVIDER=Postgres).
/// </summary>
public sealed class SqliteFactAttribute : FactAttribute
{
    public SqliteFactAttribute()
    {
        if (TestStoreProvider.IsPostgres) Skip = TestStoreProvider.SqliteOnly;
    }
}
