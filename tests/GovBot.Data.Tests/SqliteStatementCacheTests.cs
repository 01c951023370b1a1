using GovBot.Data.People;
using GovBot.Data.Store;
using GovBot.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GovBot.Data.Tests;

/// <summary>
/// Statements kept compiled on the connections GovBot holds open answer like fresh ones: they see what was written
/// since, bind each run's values, and a statement asked again while its own results are still being read still runs.
/// </summary>
public sealed class SqliteStatementCacheTests : IAsyncLifetime
{
    private readonly TestStore _store = new();
    private IHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await _store.StartHostAsync();
        await AddPersonAsync("zhangli", "张丽");
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        _store.Dispose();
    }

    private StoreReadOnlyContexts ReadOnly => _host.Services.GetRequiredService<StoreReadOnlyContexts>();

    private async Task AddPersonAsync(string user, string name)
    {
        await using var db = _store.CreateDb();
        db.People.Add(new Person { WeComUserId = user, Name = name, Roles = Roles.Resident });
        await db.SaveChangesAsync();
    }

    private static Task<string?> NameOfAsync(GovBotDb db, string user) =>
        db.People.Where(p => p.WeComUserId == user).Select(p => p.Name).SingleOrDefaultAsync();

    [Fact]
    public async Task A_kept_connection_sees_each_write_made_since_its_last_read()
    {
        var kept = new List<int>();
        for (var i = 1; i <= 3; i++)
        {
            await AddPersonAsync($"user{i}", $"居民{i}");
            await using var db = ReadOnly.CreateDbContext();
            Assert.Equal(i + 1, await db.People.CountAsync());
            Assert.Equal($"居民{i}", await NameOfAsync(db, $"user{i}"));
            kept.Add(SqliteStatementCache.Instance.CountFor((SqliteConnection)db.Database.GetDbConnection()));
        }

        // One lane served all three: its two statements were compiled once and then reused.
        Assert.Equal([2, 2, 2], kept);
    }

    [Fact]
    public async Task Each_run_binds_its_own_values()
    {
        await using var db = ReadOnly.CreateDbContext();

        Assert.Equal("张丽", await NameOfAsync(db, "zhangli"));
        Assert.Null(await NameOfAsync(db, "nobody"));
        Assert.Equal("张丽", await NameOfAsync(db, "zhangli"));
    }

    [Fact]
    public async Task The_same_query_asked_while_its_results_are_read_still_runs()
    {
        await AddPersonAsync("wangfang", "王芳");
        await using var db = ReadOnly.CreateDbContext();

        var pairs = new List<string>();
        await foreach (var person in db.People.AsNoTracking().Where(p => p.WeComUserId != "nobody").OrderBy(p => p.Id).AsAsyncEnumerable())
        {
            // The same SQL text while the outer reader is open: it cannot share the outer's statement.
            var others = await db.People.AsNoTracking().Where(p => p.WeComUserId != person.WeComUserId).OrderBy(p => p.Id).ToListAsync();
            pairs.Add($"{person.Name}:{string.Join(",", others.Select(o => o.Name))}");
        }

        Assert.Equal(["张丽:王芳", "王芳:张丽"], pairs);
    }

    [Fact]
    public async Task A_write_in_a_rolled_back_piece_leaves_nothing_and_the_next_piece_stores_its_own()
    {
        var group = _host.Services.GetRequiredService<StoreGroupCommit>();
        var failed = group.RunAsync<int>(async (services, ct) =>
        {
            var db = services.GetRequiredService<GovBotDb>();
            db.People.Add(new Person { WeComUserId = "rolledback", Name = "撤回", Roles = Roles.Resident });
            await db.SaveChangesAsync(ct);
            throw new InvalidOperationException("the piece fails after its write");
        }, CancellationToken.None);
        await Assert.ThrowsAsync<InvalidOperationException>(() => failed);

        await group.RunAsync(async (services, ct) =>
        {
            var db = services.GetRequiredService<GovBotDb>();
            db.People.Add(new Person { WeComUserId = "stored", Name = "留下", Roles = Roles.Resident });
            return await db.SaveChangesAsync(ct);
        }, CancellationToken.None);

        await using var check = _store.CreateDb();
        Assert.Equal(["zhangli", "stored"], await check.People.OrderBy(p => p.Id).Select(p => p.WeComUserId).ToListAsync());
    }
}
