using GovBot.Data.People;
using GovBot.Data.Store;
using GovBot.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GovBot.Data.Tests;

/// <summary>
/// Work tried on a read-only scope (a turn, before it is known to write) reads the store like any other, and every
/// way of writing stops before anything is stored, saying so in a way the caller can tell from a real failure.
/// </summary>
public sealed class StoreReadOnlyTests : IAsyncLifetime
{
    private readonly TestStore _store = new();
    private IHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await _store.StartHostAsync();
        await using var db = _store.CreateDb();
        db.People.Add(new Person { WeComUserId = "zhangli", Name = "张丽", Roles = Roles.Resident });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        _store.Dispose();
    }

    private AsyncServiceScope ReadOnlyScope(out GovBotDb db)
    {
        var scope = _host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<StoreBinding>().BindReadOnly(_host.Services.GetRequiredService<StoreReadOnlyContexts>());
        db = scope.ServiceProvider.GetRequiredService<GovBotDb>();
        return scope;
    }

    private async Task<List<string>> StoredNamesAsync()
    {
        await using var db = _store.CreateDb();
        return await db.People.OrderBy(p => p.Id).Select(p => p.Name).ToListAsync();
    }

    [Fact]
    public async Task A_read_only_scope_reads_what_is_stored()
    {
        await using var scope = ReadOnlyScope(out var db);

        Assert.True(db.IsReadOnly);
        var person = await db.People.SingleAsync(p => p.WeComUserId == "zhangli");
        Assert.Equal("张丽", person.Name);
        // Nothing changed: saving is harmless.
        Assert.Equal(0, await db.SaveChangesAsync());
    }

    [Fact]
    public async Task Saving_a_change_is_deferred_and_stores_nothing()
    {
        await using (var scope = ReadOnlyScope(out var db))
        {
            var person = await db.People.SingleAsync(p => p.WeComUserId == "zhangli");
            person.Name = "张丽华";
            db.People.Add(new Person { WeComUserId = "liuyang", Name = "刘洋", Roles = Roles.Resident });

            var ex = await Assert.ThrowsAsync<StoreWriteDeferredException>(() => db.SaveChangesAsync());
            Assert.True(StoreWriteDeferredException.WasCause(ex));
        }

        Assert.Equal(["张丽"], await StoredNamesAsync());
    }

    [Fact]
    public async Task A_bulk_write_that_forgets_to_ask_is_refused_by_the_store_itself()
    {
        await using (var scope = ReadOnlyScope(out var db))
        {
            Assert.Throws<StoreWriteDeferredException>(db.EnsureWritable);

            var ex = await Assert.ThrowsAnyAsync<Exception>(() =>
                db.People.Where(p => p.WeComUserId == "zhangli").ExecuteUpdateAsync(u => u.SetProperty(p => p.Name, "改掉")));
            Assert.True(StoreWriteDeferredException.WasCause(ex));
        }

        Assert.Equal(["张丽"], await StoredNamesAsync());
    }

    [Fact]
    public async Task Other_scopes_still_write()
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GovBotDb>();
        Assert.False(db.IsReadOnly);
        db.EnsureWritable();
        db.People.Add(new Person { WeComUserId = "liuyang", Name = "刘洋", Roles = Roles.Resident });
        await db.SaveChangesAsync();

        Assert.Equal(["张丽", "刘洋"], await StoredNamesAsync());
        Assert.False(StoreWriteDeferredException.WasCause(new DbUpdateException("unique rule broken")));
    }
}
