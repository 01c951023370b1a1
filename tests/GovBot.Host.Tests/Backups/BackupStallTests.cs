using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using GovBot.Data.Seeding;
using GovBot.Host.Backups;
using GovBot.Host.Tests.EndToEnd;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace GovBot.Host.Tests.Backups;

/// <summary>
/// What residents notice of a backup of a big store: their turns (each one a write) before and while the copy runs. The
/// store is filled with message payloads to GOVBOT_BACKUP_MIB (default 48 MiB, so the suite stays quick; docs/backups.md
/// has the figures for a realistic size and the command that reproduces them).
/// </summary>
public sealed class BackupStallTests(ITestOutputHelper output)
{
    private static readonly string[] Residents = [DemoUsers.Resident, DemoUsers.Neighbour, DemoUsers.RetiredPartyMember, DemoUsers.PartyCenterHousehold];

    [Fact]
    public async Task Residents_keep_getting_answers_while_a_big_store_is_backed_up()
    {
        var mib = int.TryParse(Environment.GetEnvironmentVariable("GOVBOT_BACKUP_MIB"), CultureInfo.InvariantCulture, out var m) ? m : 48;
        var folder = Directory.CreateTempSubdirectory("govbot-stall-").FullName;
        await using var bot = await BotHost.StartAsync();
        await FillAsync(bot, mib);

        var turns = new ConcurrentBag<(DateTime Start, DateTime End)>();
        using var stop = new CancellationTokenSource();
        var loops = Residents.Select(user => Task.Run(async () =>
        {
            async Task<string> Say(string text)
            {
                var start = DateTime.UtcNow;
                var reply = await bot.SayAsync(user, text);
                turns.Add((start, DateTime.UtcNow));
                return reply;
            }
            // Each resident files report after report, as in BackupTests: every turn writes.
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var reply = await Say($"3号楼楼道里的灯坏了（第{n + 1}次）");
                if (reply.Contains("要一起跟进吗", StringComparison.Ordinal)) await Say("单独上报");
                await Say("是");
            }
        })).ToList();
        async Task<bool> Turns(Func<(DateTime Start, DateTime End), bool> which, int count)
        {
            if (loops.FirstOrDefault(l => l.IsFaulted) is { } failed) await failed;
            return turns.Count(which) >= count;
        }

        await BotHost.EventuallyAsync(() => Turns(_ => true, 40), TimeSpan.FromSeconds(120), "the residents got no answers");
        var t0 = DateTime.UtcNow;
        var watch = Stopwatch.StartNew();
        using var written = new StringWriter();
        using var error = new StringWriter();
        var code = await BackupCommand.RunAsync(["backup", "--out", folder, "--ConnectionStrings:GovBot", $"Data Source={Path.Combine(bot.DataDir, "govbot.db")}"], written, error);
        var took = watch.Elapsed;
        var t1 = DateTime.UtcNow;
        Assert.True(code == 0, error.ToString());
        await BotHost.EventuallyAsync(() => Turns(t => t.Start > t1, 20), TimeSpan.FromSeconds(120), "no answers after the backup");
        await stop.CancelAsync();
        await Task.WhenAll(loops);

        static double Ms((DateTime Start, DateTime End) t) => (t.End - t.Start).TotalMilliseconds;
        static string Figures(List<double> ms) => ms.Count == 0 ? "none" :
            $"{ms.Count} turns, median {ms.Order().ElementAt(ms.Count / 2):0} ms, max {ms.Max():0} ms";
        var before = turns.Where(t => t.End < t0).Select(Ms).ToList();
        var during = turns.Where(t => t.End > t0 && t.Start < t1).Select(Ms).ToList();
        output.WriteLine(written.ToString().Trim());
        output.WriteLine($"store {mib} MiB; backup {took.TotalSeconds:0.0} s");
        output.WriteLine($"before the backup: {Figures(before)}");
        output.WriteLine($"while it ran:      {Figures(during)}");

        // The copy never holds the bot up for the length of the copy: a turn that overlapped it took no longer than a few
        // seconds more than the slowest before it (a busy machine's noise), however long the copy took.
        Assert.NotEmpty(during);
        Assert.True(during.Max() < before.Max() + 5_000, $"a turn waited {during.Max():0} ms during a {took.TotalSeconds:0.0} s backup");
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>Handled messages with 4 KB payloads, as a county's inbox holds before the retention sweep, to <paramref name="mib"/> MiB.</summary>
    private static Task<int> FillAsync(BotHost bot, int mib) => bot.WithDbAsync(async db =>
    {
        var rows = mib * 256;
        var at = DateTimeOffset.UtcNow.AddDays(-1).UtcTicks;
        for (var from = 0; from < rows; from += 20_000)
            await db.Database.ExecuteSqlRawAsync("""
                WITH RECURSIVE n(i) AS (SELECT {0} UNION ALL SELECT i + 1 FROM n WHERE i < {1})
                INSERT INTO Inbox (DedupKey, UserId, MsgType, PayloadXml, ReceivedAt, ProcessedAt, Status, Attempts)
                SELECT 'fill-' || i, 'filler', 'text', hex(randomblob(2000)), {2}, {2}, 1, 0 FROM n
                """, from, Math.Min(from + 20_000, rows) - 1, at);
        return rows;
    });
}
