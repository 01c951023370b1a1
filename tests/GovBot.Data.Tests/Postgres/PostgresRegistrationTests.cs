using GovBot.Data.Messaging;
using GovBot.Data.Store;
using GovBot.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GovBot.Data.Tests.Postgres;

/// <summary>The store registered as the app registers it, with Data:Provider=Postgres.</summary>
[Collection(PostgresServerFixture.Collection)]
public sealed class PostgresRegistrationTests(PostgresServerFixture postgres) : IDisposable
{
    private readonly TestStore _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Postgres_without_a_connection_string_stops_the_start_naming_the_setting()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => _folder.StartHostAsync(new Dictionary<string, string?>
        {
            ["Data:Provider"] = "Postgres",
            ["ConnectionStrings:GovBot"] = "",
        }));
        Assert.Contains("ConnectionStrings:GovBot", failure.Message);
    }

    [Fact]
    public async Task The_store_migrates_on_PostgreSQL_and_its_machinery_works_there()
    {
        using var host = await _folder.StartHostAsync(new Dictionary<string, string?>
        {
            ["Data:Provider"] = "Postgres",
            ["ConnectionStrings:GovBot"] = await postgres.CreateDatabaseAsync(),
        });
        var services = host.Services;

        // A piece commits before its caller hears, and a failed piece rolls back alone.
        var group = services.GetRequiredService<StoreGroupCommit>();
        var stored = await group.RunAsync(async (s, ct) =>
        {
            var db = s.GetRequiredService<GovBotDb>();
            return await db.TryInsertAsync(Row("kept"), ct);
        }, CancellationToken.None);
        await Assert.ThrowsAsync<InvalidOperationException>(() => group.RunAsync<bool>(async (s, ct) =>
        {
            var db = s.GetRequiredService<GovBotDb>();
            await db.TryInsertAsync(Row("rolled-back"), ct);
            throw new InvalidOperationException("the piece fails after writing");
        }, CancellationToken.None));
        Assert.True(stored);

        // A write on a read-only context is refused by the server and recognised as one.
        await using (var readOnly = services.GetRequiredService<StoreReadOnlyContexts>().CreateDbContext())
        {
            var refused = await Assert.ThrowsAnyAsync<Exception>(() => readOnly.Database.ExecuteSqlRawAsync("""DELETE FROM "Inbox" """));
            Assert.True(StoreWriteDeferredException.WasCause(refused));
        }

        await using var check = await services.GetRequiredService<IDbContextFactory<GovBotDb>>().CreateDbContextAsync();
        Assert.Equal(["kept"], await check.Inbox.Select(m => m.DedupKey).ToListAsync());
        // The same dedup key again is no second row.
        Assert.False(await check.TryInsertAsync(Row("kept"), CancellationToken.None));
    }

    private static InboxMessage Row(string key) => new()
    {
        DedupKey = key, UserId = "wangjianjun", MsgType = "text", PayloadXml = "<xml/>", ReceivedAt = TestStore.SeedTime,
    };
}
