using System.Net;
using System.Net.Http.Json;
using GovBot.Data.Scheduling;
using GovBot.Data.Seeding;
using GovBot.Host.CheckIns;
using GovBot.Emulator;
using GovBot.Host.Reminders;
using GovBot.Host.Tests.EndToEnd;
using GovBot.Host.Tests.WeCom;
using GovBot.Skills.Reminders;
using GovBot.Skills.WorkerDesk;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Host.Tests.Reminders;

/// <summary>The real host, Quartz and its store in one SQLite file: a reminder is pushed once, across a restart and with two hosts.</summary>
public sealed class ReminderHostTests : IAsyncLifetime
{
    private WeComApiStandIn _standIn = null!;
    private string _data = null!;

    public async Task InitializeAsync()
    {
        _standIn = await WeComApiStandIn.StartAsync(new WeComStandInOptions { CorpId = WeComSample.CorpId });
        _data = Directory.CreateTempSubdirectory("govbot-reminders-").FullName;
    }

    public async Task DisposeAsync()
    {
        await _standIn.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { }
    }

    /// <summary>The patrol reminder moved to a moment a few seconds ahead, as a cron in China time.</summary>
    private static (DateTimeOffset At, Dictionary<string, string?> Settings) PatrolSoon(TimeSpan ahead)
    {
        var at = DateTimeOffset.UtcNow + ahead;
        at = at.AddTicks(-(at.UtcTicks % TimeSpan.TicksPerSecond));
        var local = ChinaTime.ToLocal(at);
        return (at, new Dictionary<string, string?>
        {
            [$"Reminders:Kinds:{PatrolReminder.Kind}:Cron"] = $"{local.Second} {local.Minute} {local.Hour} * * ?",
            ["Reminders:Lease:RenewEvery"] = "00:00:00.200",
            ["Reminders:Lease:Duration"] = "00:00:05",
            // No quiet hours for these runs: they fire at whatever hour the suite happens to run.
            [$"Reminders:Kinds:{PatrolReminder.Kind}:QuietHoursStart"] = "00:00",
            [$"Reminders:Kinds:{PatrolReminder.Kind}:QuietHoursEnd"] = "00:00",
        });
    }

    private static async Task FileReportAsync(BotHost bot)
    {
        await bot.WeCom.SendTextAsync(DemoUsers.Resident, "3号楼楼道灯不亮了");
        await bot.WeCom.SendTextAsync(DemoUsers.Resident, "是");
        await BotHost.EventuallyAsync(() => bot.WithDbAsync(db => db.Reports.AnyAsync()), because: "the report should have been filed");
    }

    private int PatrolPushes() => _standIn.CallsTo("message/send")
        .Where(c => c.Recipients.Contains(DemoUsers.GridWorker)).Select(BotHost.PushText).Count(t => t.Contains("日巡查"));

    private static async Task WaitUntilAsync(DateTimeOffset at)
    {
        var wait = at - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero) await Task.Delay(wait);
    }

    [Fact]
    public async Task A_reminder_due_while_the_host_was_down_fires_once_after_the_restart()
    {
        var (at, settings) = PatrolSoon(TimeSpan.FromSeconds(25));
        var first = await BotHost.StartAsync(_standIn, _data, settings);
        await FileReportAsync(first);
        Assert.True(DateTimeOffset.UtcNow < at - TimeSpan.FromSeconds(3), "the first host should stop before the reminder is due");
        await first.StopAsync();

        await WaitUntilAsync(at + TimeSpan.FromSeconds(2));
        Assert.Equal(0, PatrolPushes());
        await using var second = await BotHost.StartAsync(_standIn, _data, settings);
        await BotHost.EventuallyAsync(() => Task.FromResult(PatrolPushes() > 0), TimeSpan.FromSeconds(20),
            "the reminder that came due while no host ran should fire after the restart");
        await BotHost.ConsistentlyAsync(() => PatrolPushes() == 1, TimeSpan.FromSeconds(3), "the reminder fired more than once");
    }

    [Fact]
    public async Task Two_hosts_on_one_database_push_a_reminder_once()
    {
        var (at, settings) = PatrolSoon(TimeSpan.FromSeconds(20));
        await using var first = await BotHost.StartAsync(_standIn, _data, settings);
        await using var second = await BotHost.StartAsync(_standIn, _data, settings);
        await FileReportAsync(first);

        await WaitUntilAsync(at);
        await BotHost.EventuallyAsync(() => Task.FromResult(PatrolPushes() > 0), TimeSpan.FromSeconds(15), "the reminder should fire");
        await BotHost.ConsistentlyAsync(() => PatrolPushes() == 1, TimeSpan.FromSeconds(3), "both hosts pushed the reminder");
        // One host runs the scheduler; the other stands by.
        var holders = await first.WithDbAsync(db => db.Database.SqlQueryRaw<string>($"SELECT Holder AS Value FROM {QuartzSchema.LeaseTable}").ToListAsync());
        Assert.Single(holders);
    }

    [Fact]
    public async Task Staff_see_the_next_patrol_at_eight_and_can_pause_it()
    {
        await using var bot = await BotHost.StartAsync(_standIn, _data);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/reminders");
        request.Headers.Add(CheckInsApi.StaffHeader, DemoUsers.Secretary);
        var list = await (await bot.Http.SendAsync(request)).Content.ReadFromJsonAsync<List<RemindersApi.ReminderDto>>();
        var patrol = Assert.Single(list!, r => r.Kind == PatrolReminder.Kind);
        Assert.Equal("日巡查", patrol.Name);
        Assert.False(patrol.Paused);
        Assert.Equal(new TimeSpan(8, 0, 0), patrol.NextFireAt!.Value.TimeOfDay);
        Assert.Equal(TimeSpan.FromHours(8), patrol.NextFireAt.Value.Offset);

        using var pause = new HttpRequestMessage(HttpMethod.Post, $"/api/reminders/{PatrolReminder.Kind}/pause");
        pause.Headers.Add(CheckInsApi.StaffHeader, DemoUsers.CountyAdmin);
        var paused = await (await bot.Http.SendAsync(pause)).Content.ReadFromJsonAsync<RemindersApi.ReminderDto>();
        Assert.True(paused!.Paused);

        // A pause holds in every community, so a secretary may not lift it.
        using var secretaryResume = new HttpRequestMessage(HttpMethod.Post, $"/api/reminders/{PatrolReminder.Kind}/resume");
        secretaryResume.Headers.Add(CheckInsApi.StaffHeader, DemoUsers.Secretary);
        Assert.Equal(HttpStatusCode.Forbidden, (await bot.Http.SendAsync(secretaryResume)).StatusCode);

        using var resume = new HttpRequestMessage(HttpMethod.Post, $"/api/reminders/{PatrolReminder.Kind}/resume");
        resume.Headers.Add(CheckInsApi.StaffHeader, DemoUsers.CountyAdmin);
        Assert.False((await (await bot.Http.SendAsync(resume)).Content.ReadFromJsonAsync<RemindersApi.ReminderDto>())!.Paused);

        using var resident = new HttpRequestMessage(HttpMethod.Post, $"/api/reminders/{PatrolReminder.Kind}/pause");
        resident.Headers.Add(CheckInsApi.StaffHeader, DemoUsers.Resident);
        Assert.Equal(HttpStatusCode.Forbidden, (await bot.Http.SendAsync(resident)).StatusCode);
    }
}
