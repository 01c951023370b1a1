using GovBot.Data.Messaging;
using GovBot.Data.Reports;
using GovBot.Data.Store;
using GovBot.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Data.Tests.Postgres;

/// <summary>The same model, queries and fences on SQLite and on PostgreSQL, each on a real store.</summary>
[Collection(PostgresServerFixture.Collection)]
public sealed class ProviderParityTests(PostgresServerFixture postgres) : IDisposable
{
    private readonly TestStore _sqlite = new();

    public void Dispose() => _sqlite.Dispose();

    [Theory]
    [InlineData(StoreProvider.Sqlite)]
    [InlineData(StoreProvider.Postgres)]
    public void The_migrations_of_each_provider_match_the_model(StoreProvider provider)
    {
        var options = new DbContextOptionsBuilder<GovBotDb>();
        // Comparing the model with the last migration's snapshot needs no server.
        if (provider == StoreProvider.Postgres) options.UseGovBotPostgres("Host=127.0.0.1;Database=unused");
        else options.UseGovBotSqlite("Data Source=:memory:");
        using var db = new GovBotDb(options.Options);
        Assert.False(db.Database.HasPendingModelChanges(), $"The {provider} migrations lag the model: add a migration for {provider}.");
    }

    [Theory]
    [InlineData(StoreProvider.Sqlite)]
    [InlineData(StoreProvider.Postgres)]
    public async Task Contains_finds_a_Chinese_word_in_a_report_description(StoreProvider provider)
    {
        await using var db = await SeededAsync(provider);
        var category = new ReportCategory { Name = "公共设施" };
        db.ReportCategories.Add(category);
        var community = await db.Communities.FirstAsync();
        foreach (var (ticket, description) in new[] { ("T-1", "3号楼楼道灯坏了，晚上很黑"), ("T-2", "小区门口垃圾没人清") })
            db.Reports.Add(new Report
            {
                Ticket = ticket, Description = description, Category = category, CommunityId = community.Id,
                CreatedAt = TestStore.SeedTime, UpdatedAt = TestStore.SeedTime,
            });
        await db.SaveChangesAsync();

        var found = await db.Reports.Where(r => r.Description.Contains("楼道灯")).Select(r => r.Ticket).ToListAsync();

        Assert.Equal(["T-1"], found);
    }

    [Fact]
    public async Task Ordering_by_a_Chinese_name_is_the_same_on_both()
    {
        await using var sqlite = await SeededAsync(StoreProvider.Sqlite);
        await using var pg = await SeededAsync(StoreProvider.Postgres);

        var onSqlite = await sqlite.People.OrderBy(p => p.Name).ThenBy(p => p.Id).Select(p => p.Name).ToListAsync();
        var onPostgres = await pg.People.OrderBy(p => p.Name).ThenBy(p => p.Id).Select(p => p.Name).ToListAsync();

        Assert.True(onSqlite.Count > 10);
        Assert.Equal(onSqlite, onPostgres);
        // Code point order, as SQLite's BINARY collation and C.UTF-8 both sort, not pinyin.
        Assert.Equal(onSqlite.Order(StringComparer.Ordinal), onSqlite);
    }

    [Theory]
    [InlineData(StoreProvider.Sqlite)]
    [InlineData(StoreProvider.Postgres)]
    public async Task A_pending_row_completed_by_two_turns_is_completed_once(StoreProvider provider)
    {
        await using (var db = await SeededAsync(provider))
        {
            db.Inbox.Add(new InboxMessage
            {
                DedupKey = "msg-1", UserId = "wangjianjun", MsgType = "text", PayloadXml = "<xml/>", ReceivedAt = TestStore.SeedTime,
            });
            await db.SaveChangesAsync();
        }
        // Both turns read the row while it was pending; the first to save wins.
        await using var first = await OpenAsync(provider);
        await using var second = await OpenAsync(provider);
        var mine = await first.Inbox.SingleAsync();
        var theirs = await second.Inbox.SingleAsync();
        mine.Status = InboxStatus.Done;
        mine.PassiveReply = "first";
        await first.SaveChangesAsync();

        await using var late = await second.Database.BeginTransactionAsync();
        theirs.Status = InboxStatus.Done;
        theirs.PassiveReply = "second";
        second.Outbox.Add(new OutboxMessage { ToUsers = "wangjianjun", PayloadJson = "{}", CreatedAt = TestStore.SeedTime, NotBefore = TestStore.SeedTime });
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        await late.RollbackAsync();

        await using var check = await OpenAsync(provider);
        var stored = await check.Inbox.SingleAsync();
        Assert.Equal(("first", InboxStatus.Done), (stored.PassiveReply, stored.Status));
        Assert.Equal(0, await check.Outbox.CountAsync());
    }

    [Fact]
    public async Task Two_reports_filed_side_by_side_on_PostgreSQL_take_different_ids_past_the_seeded_ones()
    {
        await using (var seeded = await SeededAsync(StoreProvider.Postgres))
            await PostgresStore.ResyncIdentitiesAsync(seeded, default);
        await using var first = await OpenAsync(StoreProvider.Postgres);
        await using var second = await OpenAsync(StoreProvider.Postgres);
        var highest = await first.Reports.MaxAsync(r => (int?)r.Id) ?? 0;
        // Both inside their own write transaction at once, as two hosts' turns are: neither sees the other's report.
        await using var one = await first.Database.BeginTransactionAsync();
        await using var two = await second.Database.BeginTransactionAsync();
        var a = await ReportIds.NextAsync(first, default);
        var b = await ReportIds.NextAsync(second, default);
        Assert.NotEqual(a, b);
        Assert.True(a > highest && b > highest, $"ids {a} and {b} are not past the seeded {highest}");
    }

    private string? _pgConnection;

    private async Task<GovBotDb> OpenAsync(StoreProvider provider)
    {
        if (provider == StoreProvider.Sqlite) return _sqlite.CreateDb();
        _pgConnection ??= await postgres.CreateDatabaseAsync();
        var options = new DbContextOptionsBuilder<GovBotDb>();
        options.UseGovBotPostgres(_pgConnection);
        return new GovBotDb(options.Options);
    }

    private async Task<GovBotDb> SeededAsync(StoreProvider provider)
    {
        var db = await OpenAsync(provider);
        await db.Database.MigrateAsync();
        await new Seeding.DemoCountySeeder(new FixedTimeProvider(TestStore.SeedTime)).SeedAsync(db);
        return db;
    }
}
