using GovBot.Data.People;
using GovBot.Data.Reference;
using GovBot.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Data.Tests;

/// <summary>
/// The chat reads categories, places and grid workers from memory; a change made anywhere (another process, or by
/// hand in the database) must reach the next turn, and the everyday writes of residents must not empty the cache.
/// </summary>
public sealed class ReferenceCacheTests : IDisposable
{
    private readonly TestStore _store = new();
    private readonly ReferenceCache _cache = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task A_building_moved_to_another_grid_by_hand_is_routed_there_on_the_next_read()
    {
        await (await _store.MigratedAndSeededAsync()).DisposeAsync();
        var (building, otherMicroGrid, otherGrid) = await WithDbAsync(async db =>
        {
            var b = await db.Buildings.Where(x => x.MicroGridId != null).Select(x => new { x.Id, x.MicroGrid!.GridId }).FirstAsync();
            var m = await db.MicroGrids.Where(x => x.GridId != b.GridId).Select(x => new { x.Id, x.GridId }).FirstAsync();
            return (b.Id, m.Id, m.GridId);
        });
        Assert.NotEqual(otherGrid, (await SnapshotAsync()).GridOfBuilding(building));

        Execute($"""UPDATE "Buildings" SET "MicroGridId" = {otherMicroGrid} WHERE "Id" = {building}""");

        Assert.Equal(otherGrid, (await SnapshotAsync()).GridOfBuilding(building));
    }

    [Fact]
    public async Task Residents_registering_and_moving_keep_the_snapshot_but_a_grid_worker_given_a_new_phone_reloads_it()
    {
        await (await _store.MigratedAndSeededAsync()).DisposeAsync();
        var before = await SnapshotAsync();
        await WithDbAsync(async db =>
        {
            db.People.Add(new Person { WeComUserId = "newcomer", Name = "居民" });
            var resident = await db.People.FirstAsync(p => p.WeComUserId == "zhangli");
            resident.Name = "张丽丽";
            await db.SaveChangesAsync();
            return 0;
        });
        Assert.Same(before, await SnapshotAsync());

        var (gridId, workerId) = await WithDbAsync(db => db.GridWorkers.Select(w => new { w.GridId, w.PersonId }).FirstAsync()
            .ContinueWith(t => (t.Result.GridId, t.Result.PersonId)));
        Execute($"""UPDATE "People" SET "Phone" = '13900000000' WHERE "Id" = {workerId}""");

        var after = await SnapshotAsync();
        Assert.NotSame(before, after);
        Assert.Contains(after.WorkersOf(gridId), w => w.Id == workerId && w.Phone == "13900000000");
    }

    [Fact]
    public async Task A_category_switched_off_is_no_longer_offered()
    {
        await (await _store.MigratedAndSeededAsync()).DisposeAsync();
        var id = await WithDbAsync(async db =>
        {
            var category = new Reports.ReportCategory { Name = "飞线充电", SortOrder = 1 };
            db.ReportCategories.Add(category);
            await db.SaveChangesAsync();
            return category.Id;
        });
        Assert.Contains((await SnapshotAsync()).Categories, c => c.Id == id);

        Execute($"""UPDATE "ReportCategories" SET "Active" = 0 WHERE "Id" = {id}""");

        Assert.DoesNotContain((await SnapshotAsync()).Categories, c => c.Id == id);
    }

    [Fact]
    public async Task A_store_made_without_migrations_is_read_afresh_each_time()
    {
        await using (var db = _store.CreateDb()) await db.Database.EnsureCreatedAsync();

        var first = await SnapshotAsync();

        Assert.Empty(first.Categories);
        Assert.NotSame(first, await SnapshotAsync());
    }

    private async Task<ReferenceSnapshot> SnapshotAsync()
    {
        await using var db = _store.CreateDb();
        return await _cache.GetAsync(db, CancellationToken.None);
    }

    private async Task<T> WithDbAsync<T>(Func<GovBotDb, Task<T>> work)
    {
        await using var db = _store.CreateDb();
        return await work(db);
    }

    /// <summary>As an operator would, on a connection of its own, outside EF.</summary>
    private void Execute(string sql)
    {
        using var connection = new SqliteConnection(_store.ConnectionString + ";Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        Assert.Equal(1, command.ExecuteNonQuery());
    }
}
