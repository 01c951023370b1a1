using System.Net;
using System.Text.RegularExpressions;
using GovBot.Data.Seeding;
using GovBot.Emulator;
using GovBot.Host.Staff;
using GovBot.Host.Tests.EndToEnd;
using GovBot.Host.WeCom.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovBot.Host.Tests.Staff;

/// <summary>「系统」 (/staff/system): the county admin's view of how the bot itself is doing, counted from the real store.</summary>
public sealed partial class StaffSystemPageTests
{
    [Fact]
    public async Task A_county_admin_sees_the_charts_and_all_well_on_a_quiet_host()
    {
        await using var host = await StaffHost.StartAsync();
        var (admin, _) = await host.WeComSignInAsync(DemoUsers.CountyAdmin);
        using (admin)
        {
            using var answer = await admin.GetAsync("/staff/system");
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            var page = await answer.Content.ReadAsStringAsync();
            foreach (var chart in new[] { "answered", "missed", "sent", "failing" })
            {
                Assert.Contains($"<svg id=\"chart-{chart}-24h\"", page, StringComparison.Ordinal);
                Assert.Contains($"<svg id=\"chart-{chart}-30d\"", page, StringComparison.Ordinal);
            }
            Assert.Contains("一切正常", page, StringComparison.Ordinal);
            Assert.DoesNotContain("class=\"warn\"", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_hour_chart_counts_the_messages_answered_this_hour()
    {
        await using var host = await StaffHost.StartAsync();
        var hourBefore = SystemFigures.HourLabel(DateTimeOffset.UtcNow);
        string[] said = ["你好", "菜单", "我要查积分"];
        foreach (var text in said) await host.Bot.SayAsync(DemoUsers.Resident, text);
        var (admin, _) = await host.WeComSignInAsync(DemoUsers.CountyAdmin);
        using (admin)
        {
            var counted = 0.0;
            await BotHost.EventuallyAsync(async () =>
            {
                var page = await admin.GetStringAsync("/staff/system");
                // Summed over the hour the conversation began in and the hour now, in case it crossed the hour.
                var hours = new HashSet<string> { hourBefore, SystemFigures.HourLabel(DateTimeOffset.UtcNow) };
                counted = Bars(page, "chart-answered-24h").Where(b => hours.Contains(b.Label)).Sum(b => b.Value);
                return counted >= said.Length;
            }, because: "the 24-hour chart did not count the messages just answered.");
            Assert.Equal(said.Length, counted);
        }
    }

    [Fact]
    public async Task A_WeChat_users_message_counts_once_not_again_for_the_callback_that_announced_it()
    {
        await using var host = await StaffHost.StartAsync();
        var hourBefore = SystemFigures.HourLabel(DateTimeOffset.UtcNow);
        await host.Bot.SayAsync(DemoUsers.Resident, "你好");
        // The customer-service callback only announces the message; the pulled message is the row that was answered.
        await new GovBot.Host.Tests.CustomerService.WeChatChat(host.Bot).SayAsync("wmSystemPage01", "你好");
        var (admin, _) = await host.WeComSignInAsync(DemoUsers.CountyAdmin);
        using (admin)
        {
            var counted = 0.0;
            await BotHost.EventuallyAsync(async () =>
            {
                var page = await admin.GetStringAsync("/staff/system");
                var hours = new HashSet<string> { hourBefore, SystemFigures.HourLabel(DateTimeOffset.UtcNow) };
                counted = Bars(page, "chart-answered-24h").Where(b => hours.Contains(b.Label)).Sum(b => b.Value);
                return counted >= 2;
            }, because: "the 24-hour chart did not count the two messages just answered.");
            Assert.Equal(2, counted);
        }
    }

    [Fact]
    public async Task A_push_wecom_refuses_brings_the_failing_pushes_warning()
    {
        await using var host = await StaffHost.StartAsync();
        // Signed in first: the sign-in's own calls to the stand-in must not meet the fault.
        var (admin, _) = await host.WeComSignInAsync(DemoUsers.CountyAdmin);
        using (admin)
        {
            host.StandIn.InjectFault(new StandInFault.Refusal(WeComErrors.NoPrivilege, "no privilege to access/modify contact/party/agent"), count: 1000);
            await host.FileAsync(DemoUsers.Resident, "飞线充电", "3号楼有人拉电线充电");
            var page = "";
            await BotHost.EventuallyAsync(async () =>
            {
                page = await admin.GetStringAsync("/staff/system");
                return page.Contains("条推送发送失败，企业微信可能拒绝了，请检查应用设置", StringComparison.Ordinal);
            }, because: "a push WeCom refused did not bring the warning.");
            Assert.DoesNotContain("一切正常", page, StringComparison.Ordinal);
            Assert.True(Bars(page, "chart-failing-24h").Sum(b => b.Value) >= 1);
            // The refusal's errcode lives only in memory until sampled; after a sample the page lists it.
            await host.Bot.Services.GetRequiredService<SystemSampler>().SampleOnceAsync(CancellationToken.None);
            page = await admin.GetStringAsync("/staff/system");
            Assert.Contains($"<tr data-errcode=\"{WeComErrors.NoPrivilege}\">", page, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(DemoUsers.Secretary)]
    [InlineData(DemoUsers.GridWorker)]
    public async Task Community_secretaries_and_grid_workers_are_refused_and_see_no_link(string user)
    {
        await using var host = await StaffHost.StartAsync();
        var (client, _) = await host.WeComSignInAsync(user);
        using (client)
        {
            using var answer = await client.GetAsync("/staff/system");
            Assert.Equal(HttpStatusCode.Forbidden, answer.StatusCode);
            Assert.DoesNotContain("chart-answered", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.DoesNotContain("/staff/system", await client.GetStringAsync("/staff"), StringComparison.Ordinal);
        }
    }

    private static List<(string Label, double Value)> Bars(string page, string chart)
    {
        var start = page.IndexOf($"<svg id=\"{chart}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no chart {chart} on the page");
        var svg = page[start..page.IndexOf("</svg>", start, StringComparison.Ordinal)];
        return BarRegex().Matches(svg)
            .Select(m => (m.Groups[1].Value, double.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture))).ToList();
    }

    [GeneratedRegex("<g class=\"bar\" data-label=\"([^\"]*)\" data-value=\"([^\"]*)\"")]
    private static partial Regex BarRegex();
}

/// <summary>Reminder runs exist only in process memory: the sampler writes them to SystemSamples, and the page reads them back.</summary>
public sealed class StaffSystemSamplingTests
{
    [Fact]
    public async Task Reminder_runs_are_sampled_to_the_store_and_shown_by_kind()
    {
        await using var host = await StaffHost.StartAsync();
        var services = host.Bot.Services;
        var patrol = services.GetRequiredService<GovBot.Host.Reminders.ReminderKinds>().All.First(k => k.Name == "日巡查").Key;
        var metrics = services.GetRequiredService<GovBot.Host.Reminders.ReminderMetrics>();
        metrics.Ran(patrol, pushed: 3);
        metrics.Ran(patrol, pushed: 0);
        metrics.Ran(patrol, pushed: 0);
        await services.GetRequiredService<SystemSampler>().SampleOnceAsync(CancellationToken.None);

        var stored = await host.Bot.WithDbAsync(db => db.SystemSamples.Where(s => s.Tag == patrol).ToListAsync());
        Assert.Equal(1, stored.Where(s => s.Name == "reminder.fired").Sum(s => s.Value));
        Assert.Equal(2, stored.Where(s => s.Name == "reminder.skipped").Sum(s => s.Value));

        var (admin, _) = await host.WeComSignInAsync(DemoUsers.CountyAdmin);
        using (admin)
        {
            var page = await admin.GetStringAsync("/staff/system");
            var row = Regex.Match(page, $"<tr data-kind=\"{Regex.Escape(patrol)}\">(.*?)</tr>").Groups[1].Value;
            Assert.Contains("日巡查", row, StringComparison.Ordinal);
            Assert.Contains("<td>1 / 2 / 0</td>", row, StringComparison.Ordinal);
        }
    }
}
