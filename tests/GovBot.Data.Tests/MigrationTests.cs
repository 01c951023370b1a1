using GovBot.Data.Store;
using GovBot.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GovBot.Data.Tests;

public sealed class MigrationTests : IDisposable
{
    private readonly TestStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Migrations_apply_on_an_empty_file_and_again_without_change()
    {
        Assert.False(File.Exists(_store.FilePath));
        await using (var db = _store.CreateDb())
        {
            await db.Database.MigrateAsync();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
            Assert.Equal(0, await db.People.CountAsync());
        }

        var schemaBefore = Schema();
        await using (var db = _store.CreateDb())
        {
            await db.Database.MigrateAsync();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        }

        Assert.Equal(schemaBefore, Schema());
        Assert.Contains("TABLE \"People\"", schemaBefore);
    }

    [Fact]
    public async Task Store_runs_in_wal_mode_with_busy_timeout_and_foreign_keys()
    {
        await using (var db = _store.CreateDb())
        {
            await db.Database.MigrateAsync();
            await db.Database.OpenConnectionAsync();
            Assert.Equal((long)SqlitePragmaInterceptor.BusyTimeoutMs, Scalar(db, "PRAGMA busy_timeout"));
            Assert.Equal(2L, Scalar(db, "PRAGMA synchronous")); // FULL
            Assert.Equal(1L, Scalar(db, "PRAGMA foreign_keys"));
            Assert.Equal("wal", Scalar(db, "PRAGMA journal_mode"));
        }

        // WAL is a property of the file: a plain connection that sets nothing still sees it.
        using var plain = new SqliteConnection($"Data Source={_store.FilePath};Pooling=False");
        plain.Open();
        using var command = plain.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", command.ExecuteScalar());
    }

    [Theory]
    [InlineData(null, 2L)] // FULL unless told otherwise: what the callback answered 200 for survives a power cut
    [InlineData("Full", 2L)]
    [InlineData("Normal", 1L)]
    public async Task A_new_connection_of_the_host_uses_the_configured_synchronous_level(string? configured, long expected)
    {
        var settings = new Dictionary<string, string?>();
        if (configured is not null) settings["Data:Synchronous"] = configured;
        using var host = await _store.StartHostAsync(settings);
        await using (var db = await host.Services.GetRequiredService<IDbContextFactory<GovBotDb>>().CreateDbContextAsync())
        {
            await db.Database.OpenConnectionAsync();
            Assert.Equal(expected, Scalar(db, "PRAGMA synchronous"));
        }

        // The group commit's own connection, where the hot writes happen, follows the same setting.
        var seen = await host.Services.GetRequiredService<StoreGroupCommit>().RunAsync(
            (services, _) => Task.FromResult(Scalar(services.GetRequiredService<GovBotDb>(), "PRAGMA synchronous")), CancellationToken.None);
        Assert.Equal(expected, seen);
        await host.StopAsync();
    }

    [Fact]
    public async Task An_unknown_synchronous_level_stops_the_host_at_start()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => _store.StartHostAsync(new Dictionary<string, string?> { ["Data:Synchronous"] = "Off" }));
        Assert.Contains("Synchronous", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pooled_connection_opened_again_keeps_its_pragmas()
    {
        object? firstHandle;
        await using (var db = _store.CreateDb())
        {
            await db.Database.MigrateAsync();
            await db.Database.OpenConnectionAsync();
            firstHandle = ((SqliteConnection)db.Database.GetDbConnection()).Handle;
        }

        await using (var again = _store.CreateDb())
        {
            await again.Database.OpenConnectionAsync();
            Assert.Same(firstHandle, ((SqliteConnection)again.Database.GetDbConnection()).Handle);
            Assert.Equal((long)SqlitePragmaInterceptor.BusyTimeoutMs, Scalar(again, "PRAGMA busy_timeout"));
            Assert.Equal(2L, Scalar(again, "PRAGMA synchronous"));
            Assert.Equal(1L, Scalar(again, "PRAGMA foreign_keys"));
        }
    }

    [Fact]
    public async Task An_existing_rollback_journal_file_is_switched_to_wal()
    {
        using (var plain = new SqliteConnection($"Data Source={_store.FilePath};Pooling=False"))
        {
            plain.Open();
            using var command = plain.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=DELETE; CREATE TABLE Scratch (Id INTEGER);";
            command.ExecuteNonQuery();
        }

        await using var db = _store.CreateDb();
        await db.Database.MigrateAsync();
        await db.Database.OpenConnectionAsync();
        Assert.Equal("wal", Scalar(db, "PRAGMA journal_mode"));
    }

    [Fact]
    public async Task Model_has_no_changes_missing_from_the_migrations()
    {
        await using var db = _store.CreateDb();
        Assert.False(db.Database.HasPendingModelChanges(),
            "The model differs from the last migration: run dotnet ef migrations add <Name> --project src/GovBot.Data");
    }

    [Theory]
    [InlineData(null, "data/govbot.db")]
    [InlineData("Data Source=store/x.db", "store/x.db")]
    public void Relative_data_source_is_taken_from_the_content_root_and_its_folder_made(string? configured, string relative)
    {
        var resolved = new SqliteConnectionStringBuilder(DataRegistration.ResolveConnectionString(configured, _store.Folder));
        var expected = Path.GetFullPath(Path.Combine(_store.Folder, relative));
        Assert.Equal(expected, resolved.DataSource);
        Assert.True(Directory.Exists(Path.GetDirectoryName(expected)));
    }

    [Fact]
    public void In_memory_and_absolute_data_sources_are_left_alone()
    {
        Assert.Equal(":memory:", new SqliteConnectionStringBuilder(DataRegistration.ResolveConnectionString("Data Source=:memory:", _store.Folder)).DataSource);
        Assert.Equal(_store.FilePath, new SqliteConnectionStringBuilder(DataRegistration.ResolveConnectionString(_store.ConnectionString, "/nowhere")).DataSource);
    }

    private static object? Scalar(GovBotDb db, string sql)
    {
        using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private string Schema()
    {
        using var connection = new SqliteConnection($"Data Source={_store.FilePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT group_concat(sql, char(10)) FROM (SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name)";
        return (string)command.ExecuteScalar()!;
    }
}
