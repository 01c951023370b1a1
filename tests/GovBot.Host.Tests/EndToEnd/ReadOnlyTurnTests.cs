using GovBot.Data;
using GovBot.Data.Scheduling;
using GovBot.Data.Seeding;
using GovBot.Data.Store;
using GovBot.Skills.Points;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovBot.Host.Tests.EndToEnd;

/// <summary>
/// A turn is first tried read-only, beside other members' turns; one that turns out to write runs again inside a
/// commit group. Members see no difference: what a turn writes is stored once, and a turn that only reads stores
/// nothing but its own message's row.
/// </summary>
public sealed class ReadOnlyTurnTests : IAsyncLifetime
{
    private BotHost _bot = null!;

    public async Task InitializeAsync() => _bot = await BotHost.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task A_report_confirmed_in_the_chat_is_stored_once_with_one_card_to_the_grid_worker()
    {
        var summary = await _bot.SayAsync(DemoUsers.Resident, "3号楼楼道堆满了杂物");
        Assert.Contains("回复「是」", summary);
        // Asking for the summary only read the store.
        Assert.Equal(0, await _bot.WithDbAsync(db => db.Reports.CountAsync()));

        var filed = await _bot.SayAsync(DemoUsers.Resident, "是");

        Assert.StartsWith("已上报！", filed);
        Assert.Contains("S1001", filed);
        var report = await _bot.WithDbAsync(db => db.Reports.SingleAsync());
        Assert.Equal("3号楼楼道堆满了杂物", report.Description);
        Assert.Equal("S1001", report.Ticket);
        Assert.Equal(1, await _bot.WithDbAsync(db => db.ReportEvents.CountAsync(e => e.ReportId == report.Id)));
        await BotHost.EventuallyAsync(() => Task.FromResult(_bot.PushedTextsTo(DemoUsers.GridWorker).Count > 0));
        await _bot.SettledAsync();
        Assert.Single(_bot.PushedTextsTo(DemoUsers.GridWorker), t => t.Contains("楼道堆满了杂物"));
    }

    [Fact]
    public async Task A_newcomer_is_registered_once_by_the_first_message()
    {
        var hello = await _bot.SayAsync("xinlai01", "你好");

        Assert.Contains("社区", hello);
        Assert.Equal(1, await _bot.WithDbAsync(db => db.People.CountAsync(p => p.WeComUserId == "xinlai01")));
    }

    [Theory]
    [InlineData("帮助")]
    [InlineData("我的上报")]
    [InlineData("我们的网格员是谁")]
    [InlineData("我的积分")]
    public async Task A_question_stores_nothing_but_the_message_itself(string question)
    {
        // The points catch-up runs once at start, beside the test; done here first, it has nothing left to add later.
        await using (var scope = _bot.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<PointsLedger>().CatchUpAsync(CancellationToken.None);
        var before = await RowCountsAsync();

        var answer = await _bot.SayAsync(DemoUsers.Resident, question);

        Assert.NotEmpty(answer);
        var after = await RowCountsAsync();
        Assert.Equal(before["Inbox"] + 1, after["Inbox"]);
        before.Remove("Inbox");
        after.Remove("Inbox");
        Assert.Equal(Describe(before), Describe(after));
    }

    private static string Describe(Dictionary<string, long> counts) =>
        string.Join("\n", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}={c.Value}"));

    /// <summary>
    /// Rows in every table of the store, by table, but the scheduler's own bookkeeping (Quartz's tables and its
    /// lease), which changes on the scheduler's clock whatever members say.
    /// </summary>
    private Task<Dictionary<string, long>> RowCountsAsync() => _bot.WithDbAsync(async db =>
    {
        var tables = (await db.Database
            .SqlQueryRaw<string>(db.Database.IsPostgres()
                ? "SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
                : "SELECT name AS Value FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
            .ToListAsync())
            .Where(t => !t.StartsWith(QuartzSchema.TablePrefix, StringComparison.OrdinalIgnoreCase) && t != QuartzSchema.LeaseTable);
        var counts = new Dictionary<string, long>();
        foreach (var table in tables)
        {
            // Table names come from the database's catalog, not from anyone's input.
            var sql = "SELECT COUNT(*) AS \"Value\" FROM \"" + table + "\"";
            counts[table] = await db.Database.SqlQueryRaw<long>(sql).SingleAsync();
        }
        return counts;
    });
}
