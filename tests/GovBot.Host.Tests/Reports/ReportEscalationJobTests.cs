using GovBot.Data.Seeding;
using GovBot.Host.Tests.EndToEnd;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Host.Tests.Reports;

/// <summary>The scheduler (Quartz, in the same SQLite file) runs the deadline sweep: an overdue report reaches the secretary through WeCom, once.</summary>
public sealed class ReportEscalationJobTests : IAsyncLifetime
{
    private BotHost _bot = null!;

    public async Task InitializeAsync() => _bot = await BotHost.StartAsync(settings: new Dictionary<string, string?>
    {
        ["Reports:DeadlineSweepInterval"] = "00:00:00.100",
    });

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task An_overdue_report_is_pushed_to_the_secretary_once()
    {
        await _bot.WeCom.SendTextAsync(DemoUsers.Resident, "3号楼楼道灯不亮了");
        await _bot.WeCom.SendTextAsync(DemoUsers.Resident, "是");
        await BotHost.EventuallyAsync(() => _bot.WithDbAsync(db => db.Reports.AnyAsync()), because: "the report should have been filed");

        // Filed three hours ago, as far as the limits are concerned.
        await _bot.WithDbAsync(async db =>
        {
            var report = await db.Reports.SingleAsync();
            report.CreatedAt -= TimeSpan.FromHours(3);
            return await db.SaveChangesAsync();
        });

        await BotHost.EventuallyAsync(() => Task.FromResult(_bot.PushedTextsTo(DemoUsers.Secretary).Any(t => t.Contains("超时未受理"))),
            because: "the secretary should have been told");
        await _bot.SettledAsync();
        // The sweep runs every moment; further sweeps must not tell the secretary again.
        await BotHost.ConsistentlyAsync(() => _bot.PushedTextsTo(DemoUsers.Secretary).Count(t => t.Contains("超时未受理")) == 1);
        var escalation = Assert.Single(_bot.PushedTextsTo(DemoUsers.Secretary), t => t.Contains("超时未受理"));
        Assert.Contains("S1001", escalation);
        Assert.Contains("网格员王建军", escalation);
    }
}
