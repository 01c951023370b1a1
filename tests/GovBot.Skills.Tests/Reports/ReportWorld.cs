using GovBot.Data;
using GovBot.Data.Messaging;
using GovBot.Data.People;
using GovBot.Data.Reference;
using GovBot.Data.Reports;
using GovBot.TestSupport;
using GovBot.Skills.Conversation;
using GovBot.Skills.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace GovBot.Skills.Tests.Reports;

/// <summary>
/// The demo county in a real SQLite file with the default report categories, a fake clock, and a
/// fresh unit of work per step (as each turn and each sweep of the host gets), so what a test reads
/// back is what was committed.
/// </summary>
internal sealed class ReportWorld : IDisposable
{
    /// <summary>A Monday morning in 清徐 (08:00 +08:00), a day after the seeds were written.</summary>
    public static readonly DateTimeOffset Start = TestStore.SeedTime.AddDays(2);

    private ReportWorld() { }

    public TestStore Store { get; } = new();
    public FakeTimeProvider Time { get; } = new(Start);
    public ReportOptions Options { get; } = new();
    /// <summary>One per world, as the host holds one: steps share what it keeps in memory.</summary>
    public ReferenceCache Reference { get; } = new();

    public static async Task<ReportWorld> StartAsync()
    {
        var world = new ReportWorld();
        await using (await world.Store.MigratedAndSeededAsync()) { }
        await new ReportCategorySeeder(new Factory(world.Store)).SeedAsync();
        return world;
    }

    public Step Open() => new(this);

    public async Task<T> WithAsync<T>(Func<Step, Task<T>> work)
    {
        await using var step = Open();
        return await work(step);
    }

    /// <summary>Files a report the way the resident's skill does; <paramref name="building"/> is its number in the compound.</summary>
    public Task<Report> FileAsync(string reporter, string category, string compound, int? building = null, string? placeNote = null) =>
        WithAsync(async s =>
        {
            var person = await s.PersonAsync(reporter);
            var c = await s.Db.Compounds.FirstAsync(x => x.Name == compound);
            int? buildingId = building is { } n ? (await s.Db.Buildings.FirstAsync(b => b.CompoundId == c.Id && b.Number == n)).Id : null;
            var categoryId = (await s.Db.ReportCategories.FirstAsync(x => x.Name == category)).Id;
            return await s.Reports.FileAsync(new NewReport(categoryId, $"{category}，麻烦来看看", c.CommunityId)
            {
                CompoundId = c.Id,
                BuildingId = buildingId,
                PlaceNote = placeNote,
            }, person, default);
        });

    /// <summary>Moves the report as <paramref name="actor"/> and commits when the move was allowed.</summary>
    public Task<Transition> MoveAsync(int reportId, string actor, Func<ReportService, Report, Person, Task<Transition>> move) =>
        WithAsync(async s =>
        {
            var report = await s.ReportAsync(reportId);
            var result = await move(s.Reports, report, await s.PersonAsync(actor));
            if (result.Done) await s.Db.SaveChangesAsync();
            return result;
        });

    public Task<DeadlineSweep> SweepAsync() => WithAsync(s => s.Deadlines.SweepAsync(default));

    public Task<Report> ReadAsync(int reportId) => WithAsync(s => s.Db.Reports.AsNoTracking()
        .Include(r => r.Events.OrderBy(e => e.Id)).FirstAsync(r => r.Id == reportId));

    /// <summary>Every push in the outbox to <paramref name="user"/>, oldest first, as text.</summary>
    public Task<List<Pushed>> PushesToAsync(string user) => WithAsync(async s =>
    {
        var rows = await s.Db.Outbox.AsNoTracking().OrderBy(o => o.Id).ToListAsync();
        return rows.Where(o => o.ToUsers.Split('|').Contains(user))
            .Select(o => new Pushed(o, Text(OutboxExtensions.DeserializePayload(o.PayloadJson)))).ToList();
    });

    public Task<int> PersonIdAsync(string user) => WithAsync(async s => (await s.PersonAsync(user)).Id);

    public void Dispose() => Store.Dispose();

    private static string Text(ReplyPart part) => part switch
    {
        TextPart t => t.Text,
        CardPart c => c.Title + "\n" + c.Description,
        CardUpdate u => u.ReplacementText,
        ChoicesPart c => c.Prompt,
        _ => "",
    };

    public sealed record Pushed(OutboxMessage Row, string Text);

    /// <summary>One unit of work: a context and the services over it, as a scope of the host would hold.</summary>
    internal sealed class Step : IAsyncDisposable
    {
        public Step(ReportWorld world)
        {
            Db = world.Store.CreateDb();
            var options = Microsoft.Extensions.Options.Options.Create(world.Options);
            var reference = new ReferenceData(Db, world.Reference);
            Routing = new ReportRouting(Db, reference);
            Reports = new ReportService(Db, Routing, reference, world.Time, options);
            Deadlines = new ReportDeadlines(Db, Reports, Routing, world.Time, options, NullLogger<ReportDeadlines>.Instance);
        }

        public GovBotDb Db { get; }
        public ReportRouting Routing { get; }
        public ReportService Reports { get; }
        public ReportDeadlines Deadlines { get; }

        public Task<Person> PersonAsync(string user) => Db.People.FirstAsync(p => p.WeComUserId == user);

        public async Task<Report> ReportAsync(int id) => await Reports.FindAsync(id, default) ?? throw new InvalidOperationException($"No report {id}.");

        public ValueTask DisposeAsync() => Db.DisposeAsync();
    }

    private sealed class Factory(TestStore store) : IDbContextFactory<GovBotDb>
    {
        public GovBotDb CreateDbContext() => store.CreateDb();
    }
}
