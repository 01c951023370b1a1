using GovBot.Data;
using GovBot.Data.Messaging;
using GovBot.Data.People;
using GovBot.TestSupport;
using GovBot.Skills.Conversation;
using GovBot.Skills.Points;
using GovBot.Skills.Reports;
using GovBot.Skills.Wishes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace GovBot.Skills.Tests.Points;

/// <summary>
/// The demo county in a real SQLite file with the point items and rules, a fake clock, and a fresh unit of
/// work per step (as each turn and each sweep gets), so what a test reads back is what was committed.
/// </summary>
internal sealed class PointsWorld : IDisposable
{
    /// <summary>A Monday morning in 清徐 (08:00 +08:00), two days after the seeds were written.</summary>
    public static readonly DateTimeOffset Start = TestStore.SeedTime.AddDays(2);

    private PointsWorld() { }

    public TestStore Store { get; } = new();
    public FakeTimeProvider Time { get; } = new(Start);
    public PointsOptions Options { get; } = new();

    public static async Task<PointsWorld> StartAsync()
    {
        var world = new PointsWorld();
        await using (await world.Store.MigratedAndSeededAsync()) { }
        var factory = new Factory(world.Store);
        await new ReportCategorySeeder(factory).SeedAsync();
        await new PointItemSeeder(factory).SeedAsync();
        return world;
    }

    public async Task<T> WithAsync<T>(Func<Step, Task<T>> work)
    {
        await using var step = new Step(this);
        return await work(step);
    }

    public Task<int> PersonIdAsync(string user) => WithAsync(async s => (await s.PersonAsync(user)).Id);

    /// <summary>This year's total and all-time total of a member.</summary>
    public Task<Balance> BalanceAsync(string user, int? year = null) => WithAsync(async s =>
        await s.Book.BalanceAsync((await s.PersonAsync(user)).Id, year ?? PointsCalendar.YearOf(Time.GetUtcNow()), default));

    public Task<List<string>> PushedTextsAsync(string user) => WithAsync(async s =>
    {
        var rows = await s.Db.Outbox.AsNoTracking().OrderBy(o => o.Id).ToListAsync();
        return rows.Where(r => r.ToUsers.Split('|').Contains(user))
            .Select(r => Reply.Render(OutboxExtensions.DeserializePayload(r.PayloadJson))).ToList();
    });

    public void Dispose() => Store.Dispose();

    internal sealed class Step : IAsyncDisposable
    {
        public Step(PointsWorld world)
        {
            Db = world.Store.CreateDb();
            Ledger = new PointsLedger(Db, world.Time, Microsoft.Extensions.Options.Options.Create(world.Options));
            Book = new PointsBook(Db);
            Wishes = new WishService(Db, Ledger, world.Time);
        }

        public GovBotDb Db { get; }
        public PointsLedger Ledger { get; }
        public PointsBook Book { get; }
        public WishService Wishes { get; }

        public Task<Person> PersonAsync(string user) => Db.People.FirstAsync(p => p.WeComUserId == user);

        public ValueTask DisposeAsync() => Db.DisposeAsync();
    }

    private sealed class Factory(TestStore store) : IDbContextFactory<GovBotDb>
    {
        public GovBotDb CreateDbContext() => store.CreateDb();
    }
}
