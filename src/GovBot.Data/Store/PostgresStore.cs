using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace GovBot.Data.Store;

/// <summary>
/// What the store does differently on PostgreSQL (<see cref="DataOptions.Provider"/> = Postgres). SQLite's code paths
/// stay as they were; each shared piece asks <see cref="IsPostgres(DatabaseFacade)"/> where the two differ.
/// </summary>
public static partial class PostgresStore
{
    /// <summary>The PostgreSQL migrations live in their own assembly, generated from the same model.</summary>
    public const string MigrationsAssembly = "GovBot.Data.Postgres";

    /// <summary>PostgreSQL with GovBot's migrations; shared by the app, design time and tests.</summary>
    public static DbContextOptionsBuilder UseGovBotPostgres(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, pg => pg.MigrationsAssembly(MigrationsAssembly));

    public static bool IsPostgres(this DatabaseFacade database) =>
        database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";

    /// <summary>
    /// The same server and database, but every transaction on these connections is READ ONLY: a write that slipped past
    /// <see cref="GovBotDb.EnsureWritable"/> is refused by PostgreSQL (25006), as SQLite refuses one on a read-only file.
    /// A connection string of its own also gives these connections a pool of their own.
    /// </summary>
    public static string ReadOnlyConnectionString(string connectionString)
    {
        var csb = new NpgsqlConnectionStringBuilder(connectionString);
        csb.Options = string.IsNullOrWhiteSpace(csb.Options)
            ? "-c default_transaction_read_only=on"
            : csb.Options + " -c default_transaction_read_only=on";
        return csb.ToString();
    }

    /// <summary>
    /// Moves every identity column's sequence past the largest id stored. The demo seeders insert rows with the ids the
    /// demo knows them by; SQLite then carries on after the largest, but a PostgreSQL identity would hand out 1 again.
    /// </summary>
    public static Task ResyncIdentitiesAsync(GovBotDb db, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync("""
            DO $$
            DECLARE c record;
            BEGIN
                FOR c IN SELECT table_name, column_name FROM information_schema.columns
                         WHERE table_schema = current_schema() AND is_identity = 'YES'
                LOOP
                    EXECUTE format('SELECT setval(pg_get_serial_sequence(%L, %L), COALESCE((SELECT max(%I) FROM %I), 0) + 1, false)',
                        quote_ident(c.table_name), c.column_name, c.column_name, c.table_name);
                END LOOP;
            END $$;
            """, ct);

    /// <summary>SQLSTATEs of work PostgreSQL rolled back because of other work: serialization failure, deadlock, lock not available.</summary>
    internal static bool IsContention(DbException ex) => ex.SqlState is "40001" or "40P01" or "55P03";

    /// <summary>read_only_sql_transaction: a write in a READ ONLY transaction.</summary>
    internal static bool IsReadOnlyRefusal(DbException ex) => ex.SqlState == "25006";

    /// <summary>undefined_table.</summary>
    internal static bool IsMissingTable(DbException ex) => ex.SqlState == "42P01";

    /// <summary>
    /// Check constraints and index filters are SQL written once for both databases. SQLite matches identifiers
    /// whatever their case; PostgreSQL folds unquoted ones to lower case and then finds no such column. Here the
    /// model's column names that such SQL names bare are quoted, for PostgreSQL only, so SQLite's schema is unchanged.
    /// </summary>
    internal static void QuoteColumns(Microsoft.EntityFrameworkCore.Metadata.IMutableModel model)
    {
        foreach (var entity in model.GetEntityTypes())
        {
            var columns = entity.GetProperties().Select(p => p.GetColumnName()).Distinct().ToList();
            foreach (var index in entity.GetIndexes())
                if (index.GetFilter() is { } filter) index.SetFilter(Quote(filter, columns));
            foreach (var check in entity.GetCheckConstraints().ToList())
            {
                var sql = Quote(check.Sql, columns);
                if (sql == check.Sql) continue;
                var name = check.ModelName;
                entity.RemoveCheckConstraint(name);
                entity.AddCheckConstraint(name, sql);
            }
        }
    }

    private static string Quote(string sql, IReadOnlyList<string> columns)
    {
        foreach (var column in columns)
            sql = Regex.Replace(sql, $@"(?<![""\w]){Regex.Escape(column)}(?![""\w])", $"\"{column}\"");
        return sql;
    }
}
