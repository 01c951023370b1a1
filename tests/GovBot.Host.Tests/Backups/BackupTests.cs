using GovBot.Host.Tests.Support;
using System.Net;
using GovBot.Data;
using GovBot.Data.Backups;
using GovBot.Data.Seeding;
using GovBot.Host.Backups;
using GovBot.Host.Tests.EndToEnd;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovBot.Host.Tests.Backups;

/// <summary>
/// The backup command on a live host while residents file reports, a restore that a fresh host starts from, the
/// nightly job's retention, and copies that fail their check.
/// </summary>
public sealed class BackupTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("govbot-backup-").FullName;

    /// <summary>Residents of the demo county with a home, each filing reports in a loop.</summary>
    private static readonly string[] Residents =
        [DemoUsers.Resident, DemoUsers.Neighbour, DemoUsers.RetiredPartyMember, DemoUsers.PartyCenterHousehold];

    private static readonly string[] Problems =
        ["3号楼楼道里的灯坏了，晚上看不见路", "2号楼下面的垃圾好几天没人收了", "3号楼有人从窗户拉电线给电动车充电", "5号楼门口的路灯坏了，晚上黑漆漆的"];

    [SqliteFact]
    public async Task A_backup_taken_while_residents_file_reports_holds_every_report_committed_before_it_began_and_a_fresh_host_starts_on_it()
    {
        List<(int Id, string Description)> before;
        string backup;
        await using (var bot = await BotHost.StartAsync())
        {
            using var stop = new CancellationTokenSource();
            var filed = new int[Residents.Length];
            var loops = Residents.Select((user, i) => Task.Run(async () =>
            {
                for (var n = 0; !stop.IsCancellationRequested; n++)
                {
                    var problem = $"{Problems[n % Problems.Length]}（第{n + 1}次）";
                    var reply = await bot.SayAsync(user, problem);
                    // A neighbour reported the same place already: this resident files their own.
                    if (reply.Contains("要一起跟进吗", StringComparison.Ordinal)) reply = await bot.SayAsync(user, "单独上报");
                    Assert.Contains("是", reply);
                    Assert.Contains("已上报", await bot.SayAsync(user, "是"));
                    Interlocked.Increment(ref filed[i]);
                }
            })).ToList();

            // Some reports in the store before the copy starts, and the loops still filing while it runs.
            async Task<bool> Filed(int count)
            {
                if (loops.FirstOrDefault(l => l.IsFaulted) is { } failed) await failed;
                return await bot.WithDbAsync(db => db.Reports.CountAsync()) >= count;
            }
            await BotHost.EventuallyAsync(() => Filed(8), TimeSpan.FromSeconds(60), "the residents filed no reports");
            before = await bot.WithDbAsync(db => db.Reports.OrderBy(r => r.Id).Select(r => new ValueTuple<int, string>(r.Id, r.Description)).ToListAsync());
            var filedBefore = filed.Sum();

            var (code, output, error) = await RunAsync("backup", "--out", _folder, "--ConnectionStrings:GovBot", StoreOf(bot.DataDir));
            Assert.True(code == 0, error);
            Assert.StartsWith("已备份：", output, StringComparison.Ordinal);
            Assert.Contains("quick_check ok", output, StringComparison.Ordinal);
            backup = Assert.Single(StoreBackup.List(_folder));
            Assert.Matches(@"govbot-\d{8}-\d{6}\.db$", backup);

            // The bot kept taking reports after the copy, and the loops met no error.
            await BotHost.EventuallyAsync(async () => await Filed(0) && filed.Sum() >= filedBefore + Residents.Length, TimeSpan.FromSeconds(60),
                "no reports were filed after the backup");
            await stop.CancelAsync();
            await Task.WhenAll(loops);

            // The live store is in use: restore refuses to replace it and leaves it alone.
            var refused = await RunAsync("restore", backup, "--to", Path.Combine(bot.DataDir, "govbot.db"));
            Assert.Equal(1, refused.Code);
            Assert.Contains("请先停掉主机", refused.Error, StringComparison.Ordinal);
            Assert.True(await bot.WithDbAsync(db => db.Reports.CountAsync()) > before.Count);
        }

        var restoredDir = Directory.CreateTempSubdirectory("govbot-restored-").FullName;
        var restore = await RunAsync("restore", backup, "--to", Path.Combine(restoredDir, "govbot.db"));
        Assert.True(restore.Code == 0, restore.Error);
        Assert.StartsWith("已恢复：", restore.Output, StringComparison.Ordinal);

        await using var fresh = await BotHost.StartAsync(dataDir: restoredDir);
        using var health = await fresh.Http.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Empty(await fresh.WithDbAsync(db => db.Database.GetPendingMigrationsAsync()));
        var restored = await fresh.WithDbAsync(db => db.Reports.Select(r => new ValueTuple<int, string>(r.Id, r.Description)).ToListAsync());
        Assert.Empty(before.Except(restored));
        Directory.Delete(restoredDir, recursive: true);
    }

    [SqliteFact]
    public async Task The_nightly_job_keeps_the_newest_copies_and_a_copy_that_fails_its_check_keeps_the_earlier_ones()
    {
        await using var bot = await BotHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Data:Backup:Directory"] = _folder, ["Data:Backup:Keep"] = "2",
        });
        Assert.Contains(bot.Services.GetRequiredService<GovBot.Host.Reminders.ReminderKinds>().All, k => k.Key == StoreBackupJob.Kind);

        // Three copies from earlier nights, then tonight's.
        await RunJobAsync(bot);
        var tonight = Assert.Single(StoreBackup.List(_folder));
        string[] earlier = ["govbot-20261201-023000.db", "govbot-20261202-023000.db", "govbot-20261203-023000.db"];
        foreach (var name in earlier) File.Copy(tonight, Path.Combine(_folder, name));
        File.Delete(tonight);
        await RunJobAsync(bot);
        var kept = StoreBackup.List(_folder).Select(Path.GetFileName).ToList();
        Assert.Equal(2, kept.Count);
        Assert.Equal(Path.GetFileName(tonight)[..15], kept[0]![..15]);
        Assert.Equal(earlier[2], kept[1]);

        // A store the copy check refuses (a table gone): the copies stay, nothing half-written is left, /healthz says so.
        await bot.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DROP TABLE ImportRecords"));
        File.Move(Path.Combine(_folder, kept[0]!), Path.Combine(_folder, "govbot-20261204-000000.db"));
        await RunJobAsync(bot);
        Assert.Equal(["govbot-20261204-000000.db", earlier[2]], StoreBackup.List(_folder).Select(Path.GetFileName));
        Assert.Equal(2, Directory.GetFiles(_folder).Length);
        Assert.Equal("Degraded", await bot.Http.GetStringAsync("/healthz"));
    }

    [SqliteFact]
    public async Task A_corrupted_copy_fails_its_check_and_restore_refuses_it_leaving_the_store_alone()
    {
        string store;
        await using (var bot = await BotHost.StartAsync())
        {
            Assert.Equal(0, (await RunAsync("backup", "--out", _folder, "--ConnectionStrings:GovBot", StoreOf(bot.DataDir))).Code);
            store = Path.Combine(_folder, "live.db");
            File.Copy(Assert.Single(StoreBackup.List(_folder)), store);
        }
        var copy = Assert.Single(StoreBackup.List(_folder));
        StoreCopyCheck.Verify(copy);

        // A disk that returned garbage for a few pages in the middle of the file.
        await using (var file = new FileStream(copy, FileMode.Open, FileAccess.Write))
        {
            file.Position = file.Length / 2 / 4096 * 4096;
            await file.WriteAsync(Enumerable.Repeat((byte)0x5A, 3 * 4096).ToArray());
        }
        Assert.Throws<StoreCopyException>(() => StoreCopyCheck.Verify(copy));

        var before = await File.ReadAllBytesAsync(store);
        var refused = await RunAsync("restore", copy, "--to", store);
        Assert.Equal(1, refused.Code);
        Assert.StartsWith("恢复失败：备份文件检查不通过", refused.Error, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(store));
        Assert.Equal(["live.db"], Directory.GetFiles(_folder, "live*").Select(Path.GetFileName));
    }

    [Fact]
    public async Task On_PostgreSQL_the_commands_refuse_and_name_pg_dump_and_pg_restore()
    {
        foreach (var command in new[] { "backup", "restore" })
        {
            var (code, output, error) = await RunAsync(command, "--out", _folder,
                "--Data:Provider", "Postgres", "--ConnectionStrings:GovBot", "Host=127.0.0.1;Database=govbot");
            Assert.Equal(1, code);
            Assert.Empty(output);
            Assert.Contains("pg_dump", error);
            Assert.Contains("pg_restore", error);
        }
        Assert.Empty(Directory.GetFiles(_folder));
    }

    private static string StoreOf(string dataDir) => $"Data Source={Path.Combine(dataDir, "govbot.db")}";

    private static async Task RunJobAsync(BotHost bot)
    {
        await using var scope = bot.Services.CreateAsyncScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<StoreBackupJob>().RunAsync(CancellationToken.None));
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await BackupCommand.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
