using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;

namespace GovBot.Data.Backups;

/// <summary>
/// Whether a file is a usable GovBot store: it opens, passes <c>PRAGMA quick_check</c>, has every table of this build's
/// model and has applied every migration this build knows (a copy from an older build is refused by restore; the host
/// would migrate it, but then it is an upgrade, not a restore).
/// </summary>
public static class StoreCopyCheck
{
    /// <summary>The store's tables by the model, plus EF's history; the Quartz tables come from a migration and are checked by it.</summary>
    public static IReadOnlyList<string> ExpectedTables { get; } = ModelFacts().Tables;

    public static IReadOnlyList<string> KnownMigrations { get; } = ModelFacts().Migrations;

    /// <exception cref="StoreCopyException">What is wrong, in a line.</exception>
    public static void Verify(string path)
    {
        if (!File.Exists(path)) throw new StoreCopyException($"{path} does not exist.");
        var csb = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        try
        {
            using var connection = new SqliteConnection(csb.ToString());
            connection.Open();
            var check = Strings(connection, "PRAGMA quick_check");
            if (check is not ["ok"]) throw new StoreCopyException($"quick_check: {string.Join("; ", check.Take(3))}");
            var tables = Strings(connection, "SELECT name FROM sqlite_master WHERE type = 'table'").ToHashSet(StringComparer.Ordinal);
            var missing = ExpectedTables.Where(t => !tables.Contains(t)).ToList();
            if (missing.Count > 0) throw new StoreCopyException($"missing tables: {string.Join(", ", missing)}");
            var applied = Strings(connection, "SELECT MigrationId FROM __EFMigrationsHistory").ToHashSet(StringComparer.Ordinal);
            var pending = KnownMigrations.Where(m => !applied.Contains(m)).ToList();
            if (pending.Count > 0) throw new StoreCopyException($"migrations not applied: {string.Join(", ", pending)}");
        }
        catch (SqliteException ex)
        {
            throw new StoreCopyException($"does not open as a SQLite store: {ex.Message}", ex);
        }
    }

    private static List<string> Strings(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read()) values.Add(reader.GetValue(0).ToString() ?? "");
        return values;
    }

    private static (List<string> Tables, List<string> Migrations) ModelFacts()
    {
        // Never opened: the model and the migrations come from this assembly.
        var options = new DbContextOptionsBuilder<GovBotDb>();
        options.UseGovBotSqlite("Data Source=:memory:");
        using var db = new GovBotDb(options.Options);
        var tables = db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>()
            .Append(HistoryRepository.DefaultTableName).Distinct().Order(StringComparer.Ordinal).ToList();
        return (tables, db.Database.GetMigrations().ToList());
    }
}
