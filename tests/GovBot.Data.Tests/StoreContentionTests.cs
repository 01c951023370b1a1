using GovBot.Data.People;
using GovBot.Data.Store;
using GovBot.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Data.Tests;

/// <summary>A write refused because another connection holds the store is told apart from a real failure, so a turn can be run again.</summary>
public sealed class StoreContentionTests
{
    [Fact]
    public async Task A_save_refused_while_another_connection_writes_is_busy_and_a_broken_rule_is_not()
    {
        using var store = new TestStore();
        await using (var setup = store.CreateDb()) await setup.Database.MigrateAsync();

        await using var holder = new SqliteConnection(store.ConnectionString + ";Pooling=False");
        await holder.OpenAsync();
        await using (var begin = holder.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE";
            await begin.ExecuteNonQueryAsync();
        }

        await using var db = store.CreateDb();
        await db.Database.OpenConnectionAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA busy_timeout=50");
        db.People.Add(new Person { Name = "王芳", WeComUserId = "busy-test", Roles = Roles.Resident });
        var busy = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        Assert.True(StoreContention.IsBusy(busy));

        await using (var rollback = holder.CreateCommand())
        {
            rollback.CommandText = "ROLLBACK";
            await rollback.ExecuteNonQueryAsync();
        }
        await db.SaveChangesAsync();

        db.ChangeTracker.Clear();
        db.People.Add(new Person { Name = "王芳", WeComUserId = "busy-test", Roles = Roles.Resident });
        var twin = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        Assert.False(StoreContention.IsBusy(twin));
        Assert.False(StoreContention.IsBusy(new InvalidOperationException("other")));
    }
}
