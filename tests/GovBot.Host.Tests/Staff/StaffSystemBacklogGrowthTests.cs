using GovBot.Data.Operations;
using GovBot.Data.Seeding;
using GovBot.Host.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovBot.Host.Tests.Staff;

/// <summary>
/// 「系统」 warns when the inbox or outbox backlog rose at every one of the last samples (3 by default) and ended at or
/// above the floor (20 by default): read from SystemSamples rows in the real store, shown on the real page.
/// </summary>
public sealed class StaffSystemBacklogGrowthTests
{
    private const string InboxWarning = "收到的消息越积越多";
    private const string OutboxWarning = "待发送的推送越积越多";

    [Fact]
    public async Task A_rising_inbox_backlog_brings_the_warning_with_its_levels()
    {
        await using var host = await StaffHost.StartAsync();
        await WriteLevelsAsync(host, BacklogGrowth.Inbox, 12, 30, 55);
        var page = await PageAsync(host);
        Assert.Contains("收到的消息越积越多：最近3次记录分别为12、30、55条，请检查服务是否在运行", page, StringComparison.Ordinal);
        Assert.DoesNotContain(OutboxWarning, page, StringComparison.Ordinal);
        Assert.DoesNotContain("一切正常", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rising_outbox_backlog_brings_its_own_warning()
    {
        await using var host = await StaffHost.StartAsync();
        await WriteLevelsAsync(host, BacklogGrowth.Outbox, 20, 21, 40);
        var page = await PageAsync(host);
        Assert.Contains("待发送的推送越积越多：最近3次记录分别为20、21、40条", page, StringComparison.Ordinal);
        Assert.DoesNotContain(InboxWarning, page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(40, 40, 40)] // flat: a steady backlog the host keeps up with
    [InlineData(90, 60, 30)] // falling: catching up
    [InlineData(50, 30, 60)] // dipped between: not growing at every sample
    [InlineData(2, 5, 9)] // rising, but a handful of messages is ordinary traffic
    public async Task A_flat_falling_or_small_backlog_brings_no_warning(long first, long second, long third)
    {
        await using var host = await StaffHost.StartAsync();
        await WriteLevelsAsync(host, BacklogGrowth.Inbox, first, second, third);
        await WriteLevelsAsync(host, BacklogGrowth.Outbox, first, second, third);
        var page = await PageAsync(host);
        Assert.DoesNotContain(InboxWarning, page, StringComparison.Ordinal);
        Assert.DoesNotContain(OutboxWarning, page, StringComparison.Ordinal);
        Assert.Contains("一切正常", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rise_spread_over_two_instances_is_not_read_as_one_series_and_old_samples_do_not_count()
    {
        await using var host = await StaffHost.StartAsync();
        // Each instance's own series is flat; only interleaved would they look like a rise.
        var now = DateTimeOffset.UtcNow;
        await host.Bot.WithDbAsync(async db =>
        {
            long[] a = [30, 30, 30], b = [40, 40, 40];
            for (var i = 0; i < 3; i++)
            {
                db.SystemSamples.Add(Level(BacklogGrowth.Inbox, "govbot-a", now.AddMinutes(-10 + 5 * i).AddSeconds(-30), a[i]));
                db.SystemSamples.Add(Level(BacklogGrowth.Inbox, "govbot-b", now.AddMinutes(-10 + 5 * i), b[i]));
            }
            // A rise long ago, before the instance stopped sampling, is not a backlog growing now.
            for (var i = 0; i < 3; i++) db.SystemSamples.Add(Level(BacklogGrowth.Outbox, "govbot-a", now.AddHours(-3).AddMinutes(5 * i), 100 * (i + 1)));
            await db.SaveChangesAsync();
            return 0;
        });
        var page = await PageAsync(host);
        Assert.DoesNotContain(InboxWarning, page, StringComparison.Ordinal);
        Assert.DoesNotContain(OutboxWarning, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sampler_writes_both_backlog_levels()
    {
        await using var host = await StaffHost.StartAsync();
        await host.Bot.Services.GetRequiredService<SystemSampler>().SampleOnceAsync(CancellationToken.None);
        var names = await host.Bot.WithDbAsync(db =>
            db.SystemSamples.Where(s => s.Name.StartsWith("backlog.")).Select(s => s.Name).ToListAsync());
        Assert.Contains(BacklogGrowth.Inbox, names);
        Assert.Contains(BacklogGrowth.Outbox, names);
    }

    [Fact]
    public async Task A_floor_of_zero_is_refused_at_start()
    {
        var failure = await Record.ExceptionAsync(async () =>
        {
            await using var host = await StaffHost.StartAsync(new Dictionary<string, string?> { ["Staff:System:BacklogGrowthFloor"] = "0" });
        });
        Assert.NotNull(failure);
        Assert.Contains("BacklogGrowthFloor", failure.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Three samples five minutes apart, the last one now, as another instance's sampler would write them.</summary>
    private static Task WriteLevelsAsync(StaffHost host, string name, params long[] levels) =>
        host.Bot.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            for (var i = 0; i < levels.Length; i++)
                db.SystemSamples.Add(Level(name, "govbot-2", now.AddMinutes(-5 * (levels.Length - 1 - i)), levels[i]));
            await db.SaveChangesAsync();
            return 0;
        });

    private static SystemSample Level(string name, string hostName, DateTimeOffset at, long value) =>
        new() { At = at, Name = name, Tag = "", Value = value, Host = hostName };

    private static async Task<string> PageAsync(StaffHost host)
    {
        var (admin, _) = await host.WeComSignInAsync(DemoUsers.CountyAdmin);
        using (admin) return await admin.GetStringAsync("/staff/system");
    }
}
