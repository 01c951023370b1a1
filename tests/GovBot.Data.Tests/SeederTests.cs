using GovBot.Data.Seeding;
using GovBot.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Data.Tests;

public sealed class SeederTests
{
    [Fact]
    public async Task Seeding_two_stores_gives_the_same_rows()
    {
        using var first = new TestStore();
        using var second = new TestStore();
        await (await first.MigratedAndSeededAsync()).DisposeAsync();
        await (await second.MigratedAndSeededAsync()).DisposeAsync();

        var dump = first.CanonicalDump();
        Assert.Contains("WeComUserId=zhangli", dump);
        Assert.Equal(dump, second.CanonicalDump());
    }

    [Fact]
    public async Task Seeding_again_writes_nothing()
    {
        using var store = new TestStore();
        await (await store.MigratedAndSeededAsync()).DisposeAsync();
        var before = store.CanonicalDump();

        await using (var db = store.CreateDb())
            Assert.False(await new DemoCountySeeder(new FixedTimeProvider(TestStore.SeedTime.AddDays(1))).SeedAsync(db));

        Assert.Equal(before, store.CanonicalDump());
    }

    [Fact]
    public async Task A_store_in_use_is_never_seeded()
    {
        using var store = new TestStore();
        await using var db = store.CreateDb();
        await db.Database.MigrateAsync();
        db.People.Add(new People.Person { WeComUserId = "someone", Name = "某人" });
        await db.SaveChangesAsync();

        Assert.False(await new DemoCountySeeder(TimeProvider.System).SeedAsync(db));
        Assert.Equal(1, await db.People.CountAsync());
        Assert.Equal(0, await db.Counties.CountAsync());
    }

    [Fact]
    public async Task Times_come_from_the_time_provider()
    {
        using var store = new TestStore();
        await using var db = await store.MigratedAndSeededAsync();
        var resident = await db.People.SingleAsync(p => p.WeComUserId == DemoUsers.Resident);
        Assert.Equal(TestStore.SeedTime, resident.CreatedAt);
        Assert.Equal(TestStore.SeedTime, resident.OnboardedAt);
    }
}
