using GovBot.Data.Reference;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

using GovBot.Data;
using GovBot.Data.Seeding;

namespace GovBot.TestSupport;

/// <summary>A real SQLite file in its own temp folder, removed on dispose.</summary>
public sealed class TestStore : IDisposable
{
    public static readonly DateTimeOffset SeedTime = new(2025, 3, 1, 8, 0, 0, TimeSpan.FromHours(8));

    public string Folder { get; } = Directory.CreateTempSubdirectory("govbot-data-").FullName;
    public string FilePath => Path.Combine(Folder, "govbot.db");
    public string ConnectionString => $"Data Source={FilePath}";

    public GovBotDb CreateDb()
    {
        var options = new DbContextOptionsBuilder<GovBotDb>();
        options.UseGovBotSqlite(ConnectionString);
        return new GovBotDb(options.Options);
    }

    /// <summary>A started host with the store registered as the app registers it, on this file, without the demo county.</summary>
    public async Task<IHost> StartHostAsync(IDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = Folder,
            EnvironmentName = Environments.Production,
            DisableDefaults = true,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:GovBot"] = ConnectionString,
            ["Data:SeedDemoCounty"] = "false",
        });
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        builder.AddGovBotData();
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    /// <summary>Migrates and seeds with a fixed clock, as the initializer does at start.</summary>
    public async Task<GovBotDb> MigratedAndSeededAsync()
    {
        var db = CreateDb();
        await db.Database.MigrateAsync();
        await new DemoCountySeeder(new FixedTimeProvider(SeedTime)).SeedAsync(db);
        return db;
    }

    /// <summary>Every row of every table as text, sorted, so two stores compare as strings.</summary>
    public string CanonicalDump()
    {
        using var connection = new SqliteConnection($"{ConnectionString};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            // The reference stamp is random by design: it says "changed", not what.
            list.CommandText = $"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '{ReferenceCache.StampTable}' ORDER BY name";
            using var reader = list.ExecuteReader();
            while (reader.Read())
                tables.Add(reader.GetString(0));
        }

        var dump = new System.Text.StringBuilder();
        foreach (var table in tables)
        {
            using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            using var reader = select.ExecuteReader();
            var rows = new List<string>();
            while (reader.Read())
            {
                var cells = Enumerable.Range(0, reader.FieldCount)
                    .Select(i => $"{reader.GetName(i)}={(reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))}");
                rows.Add(string.Join(" | ", cells));
            }

            rows.Sort(StringComparer.Ordinal);
            dump.Append("## ").Append(table).Append(" (").Append(rows.Count).AppendLine(")");
            rows.ForEach(r => dump.AppendLine(r));
        }

        return dump.ToString();
    }

    public void Dispose()
    {
        // Pooled connections keep the file (and its -wal/-shm) open.
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Leaving a temp folder behind must not fail a test.
        }
    }
}

/// <summary>A clock that stands still, so date tests do not depend on when they run.</summary>
public sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();

    // The server's zone must not matter: pretend it is far from China.
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
