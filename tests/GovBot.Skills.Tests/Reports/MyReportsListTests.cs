using GovBot.Data.Seeding;

namespace GovBot.Skills.Tests.Reports;

/// <summary>我的上报 lists what the resident filed and what they joined, newest first, and nothing of anyone else.</summary>
public sealed class MyReportsListTests : IAsyncLifetime
{
    private ReportWorld _world = null!;

    public async Task InitializeAsync() => _world = await ReportWorld.StartAsync();

    public Task DisposeAsync()
    {
        _world.Dispose();
        return Task.CompletedTask;
    }

    private Task<List<string>> TicketsOfAsync(string user, int take) => _world.WithAsync(async s =>
        (await s.Reports.MineAsync(await s.PersonAsync(user), take, default)).Select(r => r.Ticket).ToList());

    [Fact]
    public async Task Filed_and_joined_reports_are_listed_newest_first_and_others_are_not()
    {
        var own = await _world.FileAsync(DemoUsers.Resident, "设施损坏", "清华苑一期", 3);
        _world.Time.Advance(TimeSpan.FromMinutes(5));
        var joined = await _world.FileAsync(DemoUsers.Neighbour, "环境卫生", "清华苑一期", 5);
        await _world.MoveAsync(joined.Id, DemoUsers.Resident, (reports, report, person) => reports.JoinAsync(report, person, default));
        _world.Time.Advance(TimeSpan.FromMinutes(5));
        var someoneElses = await _world.FileAsync(DemoUsers.Neighbour, "设施损坏", "清华苑一期", 1);
        _world.Time.Advance(TimeSpan.FromMinutes(5));
        var newest = await _world.FileAsync(DemoUsers.Resident, "环境卫生", "清华苑一期", 3);

        Assert.Equal([newest.Ticket, joined.Ticket, own.Ticket], await TicketsOfAsync(DemoUsers.Resident, 10));
        Assert.Equal([newest.Ticket, joined.Ticket], await TicketsOfAsync(DemoUsers.Resident, 2));
        Assert.Equal([someoneElses.Ticket, joined.Ticket], await TicketsOfAsync(DemoUsers.Neighbour, 10));
    }
}
