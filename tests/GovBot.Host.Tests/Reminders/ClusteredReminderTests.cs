using System.Collections.Concurrent;
using System.Diagnostics;
using GovBot.Data.Seeding;
using GovBot.Emulator;
using GovBot.Host.Reminders;
using GovBot.Host.Tests.EndToEnd;
using GovBot.Host.Tests.WeCom;
using GovBot.Skills.Reminders;
using GovBot.Skills.Reports;
using GovBot.Skills.WorkerDesk;
using GovBot.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Quartz;

namespace GovBot.Host.Tests.Reminders;

/// <summary>
/// Hosts sharing one PostgreSQL database run Quartz clustered (no scheduler lease): every host's scheduler runs,
/// each firing runs on one of them, and when a host dies the others recover its work once it stops checking in.
/// </summary>
[Collection(PostgresServerFixture.Collection)]
public sealed class ClusteredReminderTests(PostgresServerFixture postgres) : IAsyncLifetime
{
    private static readonly TimeSpan CheckinInterval = TimeSpan.FromSeconds(1), CheckinMisfireThreshold = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(2);
    private readonly RedisServerFixture _redis = new();
    private WeComApiStandIn _standIn = null!;
    private string _database = null!;

    public async Task InitializeAsync()
    {
        await _redis.InitializeAsync();
        _standIn = await WeComApiStandIn.StartAsync(new WeComStandInOptions { CorpId = WeComSample.CorpId });
        _database = await postgres.CreateDatabaseAsync();
    }

    public async Task DisposeAsync()
    {
        await _standIn.DisposeAsync();
        await _redis.DisposeAsync();
    }

    /// <summary>A host on the shared PostgreSQL store, its escalation sweep every two seconds.</summary>
    private Dictionary<string, string?> Settings() => new()
    {
        ["Data:Provider"] = "Postgres",
        ["ConnectionStrings:GovBot"] = _database,
        ["ConnectionStrings:Redis"] = _redis.ConnectionString,
        ["Reminders:Cluster:CheckinInterval"] = CheckinInterval.ToString(),
        ["Reminders:Cluster:CheckinMisfireThreshold"] = CheckinMisfireThreshold.ToString(),
        ["Reports:DeadlineSweepInterval"] = SweepInterval.ToString(),
        // No quiet hours for these runs: they fire at whatever hour the suite happens to run.
        [$"Reminders:Kinds:{PatrolReminder.Kind}:QuietHoursStart"] = "00:00",
        [$"Reminders:Kinds:{PatrolReminder.Kind}:QuietHoursEnd"] = "00:00",
    };

    private int PatrolPushes() => _standIn.CallsTo("message/send")
        .Where(c => c.Recipients.Contains(DemoUsers.GridWorker)).Select(BotHost.PushText).Count(t => t.Contains("日巡查"));

    private async Task<List<string>> ClusterMembersAsync()
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT instance_name FROM qrtz_scheduler_state ORDER BY instance_name", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var members = new List<string>();
        while (await reader.ReadAsync()) members.Add(reader.GetString(0));
        return members;
    }

    /// <summary>Which host holds the escalation sweep's firing (acquired, or running), if any.</summary>
    private async Task<string?> SweepHolderAsync()
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT instance_name FROM qrtz_fired_triggers WHERE trigger_name = @name LIMIT 1", connection);
        command.Parameters.AddWithValue("name", ReportEscalationReminder.Kind);
        return await command.ExecuteScalarAsync() as string;
    }

    private static async Task<Runs> WatchAsync(BotHost host)
    {
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var runs = new Runs(scheduler.SchedulerInstanceId);
        scheduler.ListenerManager.AddJobListener(runs, []);
        return runs;
    }

    [Fact]
    public async Task Two_hosts_on_one_PostgreSQL_database_run_each_firing_once()
    {
        var settings = Settings();
        await using var first = await BotHost.StartAsync(_standIn, settings: settings);
        await using var second = await BotHost.StartAsync(_standIn, settings: settings);
        var runs = new[] { await WatchAsync(first), await WatchAsync(second) };
        Assert.NotEqual(runs[0].Host, runs[1].Host);
        // Both schedulers run and check in: there is no standby host as on SQLite.
        await BotHost.EventuallyAsync(async () => (await ClusterMembersAsync()).Count == 2, because: "both hosts should check in to the cluster");
        Assert.Equal(runs.Select(r => r.Host).Order(), await ClusterMembersAsync());

        await first.WeCom.SendTextAsync(DemoUsers.Resident, "3号楼楼道灯不亮了");
        await first.WeCom.SendTextAsync(DemoUsers.Resident, "是");
        await BotHost.EventuallyAsync(() => first.WithDbAsync(db => db.Reports.AnyAsync()), because: "the report should have been filed");

        // The patrol moved to a few seconds from now in the shared store, as a staff member's change would be: both
        // schedulers see the one trigger, however long the hosts took to start on a busy machine.
        var patrol = ReminderScheduleSetup.TriggerKeyOf(PatrolReminder.Kind);
        var scheduler = await first.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.RescheduleJob(patrol, TriggerBuilder.Create().WithIdentity(patrol).ForJob(PatrolReminder.Kind, ReminderScheduleSetup.Group)
            .StartAt(DateTimeOffset.UtcNow + TimeSpan.FromSeconds(3)).Build());
        await BotHost.EventuallyAsync(() => Task.FromResult(PatrolPushes() > 0), TimeSpan.FromSeconds(60),
            "the patrol reminder should fire on one of the hosts");
        await BotHost.ConsistentlyAsync(() => PatrolPushes() == 1, TimeSpan.FromSeconds(5), "both hosts pushed the patrol reminder");

        // The two-second sweep fires again and again, each firing on one host only. How many firings the test has seen
        // so far depends on how fast the machine was, so it waits for a handful rather than counting at a fixed point.
        List<DateTimeOffset> Sweeps() => runs.SelectMany(r => r.Of(ReportEscalationReminder.Kind)).Select(r => r.Scheduled).ToList();
        await BotHost.EventuallyAsync(() => Task.FromResult(Sweeps().Count >= 5), TimeSpan.FromSeconds(60),
            "the escalation sweep should keep firing on the cluster");
        var sweeps = Sweeps();
        Assert.Equal(sweeps.Count, sweeps.Distinct().Count());
    }

    [Fact]
    public async Task When_the_host_holding_a_reminder_is_killed_the_other_runs_it_after_the_checkin_window()
    {
        var settings = Settings();
        await using var doomed = await HostProcess.StartAsync(_standIn, settings);
        await using var survivor = await BotHost.StartAsync(_standIn, settings: settings);
        var runs = await WatchAsync(survivor);
        await BotHost.EventuallyAsync(async () => (await ClusterMembersAsync()).Count == 2, because: "both hosts should check in to the cluster");
        var doomedId = Assert.Single(await ClusterMembersAsync(), id => id != runs.Host);

        // Killed while it holds the sweep's next firing, which nobody else may run until the cluster gives it up for dead.
        await BotHost.EventuallyAsync(async () => await SweepHolderAsync() == doomedId, TimeSpan.FromSeconds(60),
            "the process host should take the sweep's firing at some point");
        doomed.Kill();
        var killedAt = DateTimeOffset.UtcNow;

        await BotHost.EventuallyAsync(() => Task.FromResult(runs.Of(ReportEscalationReminder.Kind).Any(r => r.Fired > killedAt)),
            TimeSpan.FromSeconds(60), "the surviving host should run the sweep after the other was killed");
        var takeover = runs.Of(ReportEscalationReminder.Kind).Where(r => r.Fired > killedAt).Min(r => r.Fired) - killedAt;
        // Beyond the check-in window: one sweep interval (the firing's own wait), and slack for a busy test machine.
        var limit = CheckinInterval + CheckinMisfireThreshold + SweepInterval + TimeSpan.FromSeconds(10);
        Assert.True(takeover < limit,
            $"the sweep ran {takeover.TotalSeconds:0.0} s after the kill; the check-in window is {(CheckinInterval + CheckinMisfireThreshold).TotalSeconds} s");
        // The dead host is struck from the cluster, and the sweep keeps running on the survivor.
        await BotHost.EventuallyAsync(async () => !(await ClusterMembersAsync()).Contains(doomedId), because: "the dead host should be recovered");
        var before = runs.Of(ReportEscalationReminder.Kind).Count;
        await BotHost.EventuallyAsync(() => Task.FromResult(runs.Of(ReportEscalationReminder.Kind).Count >= before + 2),
            because: "the sweep should go on firing on the surviving host");
    }

    /// <summary>What one host's scheduler ran: each firing's scheduled time, per reminder kind.</summary>
    private sealed class Runs(string host) : IJobListener
    {
        private readonly ConcurrentQueue<(string Kind, DateTimeOffset Scheduled, DateTimeOffset Fired)> _runs = new();

        public string Host { get; } = host;
        public string Name { get; } = "test-runs-" + host;

        /// <summary>When each firing of <paramref name="kind"/> was due (which tells firings apart) and when it ran here.</summary>
        public IReadOnlyList<(DateTimeOffset Scheduled, DateTimeOffset Fired)> Of(string kind) =>
            _runs.Where(r => r.Kind == kind).Select(r => (r.Scheduled, r.Fired)).ToList();

        public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken)
        {
            _runs.Enqueue((context.JobDetail.Key.Name, context.ScheduledFireTimeUtc ?? context.FireTimeUtc, context.FireTimeUtc));
            return ValueTask.CompletedTask;
        }

        public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken) =>
            ValueTask.CompletedTask;
    }

    /// <summary>GovBot.Host.dll as its own process on the same database, so that it can be killed as a crash would.</summary>
    private sealed class HostProcess : IAsyncDisposable
    {
        private readonly Process _process;

        private HostProcess(Process process) => _process = process;

        public static async Task<HostProcess> StartAsync(WeComApiStandIn standIn, Dictionary<string, string?> settings)
        {
            using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
            listener.Start();
            var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "GovBot.Host.dll")])
            {
                WorkingDirectory = AppContext.BaseDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            var env = start.Environment;
            env.Remove("ASPNETCORE_HTTP_PORTS");
            env.Remove("DOTNET_URLS");
            env["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
            env["WeCom__CorpId"] = WeComSample.CorpId;
            env["WeCom__AgentId"] = standIn.Options.AgentId.ToString();
            env["WeCom__Secret"] = standIn.Options.CorpSecret;
            env["WeCom__Token"] = WeComSample.Token;
            env["WeCom__EncodingAesKey"] = WeComSample.EncodingAesKey;
            env["WeCom__ApiBaseUrl"] = standIn.BaseUrl;
            env["Data__SeedDemoCounty"] = "true";
            env["Logging__LogLevel__Default"] = "Warning";
            foreach (var (key, value) in settings) env[key.Replace(":", "__")] = value;
            var host = new HostProcess(Process.Start(start)!);
            host._process.OutputDataReceived += (_, _) => { };
            host._process.ErrorDataReceived += (_, _) => { };
            host._process.BeginOutputReadLine();
            host._process.BeginErrorReadLine();
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            await BotHost.EventuallyAsync(async () =>
            {
                Assert.False(host._process.HasExited, "the host process exited before it answered");
                try
                {
                    return (await http.GetAsync($"http://127.0.0.1:{port}/healthz")).IsSuccessStatusCode;
                }
                // Not listening yet, or too slow to answer on a busy machine (the client's timeout): look again.
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    return false;
                }
            }, TimeSpan.FromMinutes(3), "the host process should become healthy");
            return host;
        }

        /// <summary>SIGKILL: no shutdown, no check-in withdrawn, its firing left held in the database.</summary>
        public void Kill() => _process.Kill(entireProcessTree: true);

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
            _process.Dispose();
        }
    }
}
