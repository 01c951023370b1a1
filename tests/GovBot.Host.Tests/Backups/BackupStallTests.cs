using GovBot.Host.Tests.Support;
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
/// store is filled to GOVBOT_BACKUP_MIB (default 48 MiB, so the suite stays quick; docs/backups.md
/// has the figures for a realistic size and the command that reproduces them).
/// </summary>
public sealed class BackupStallTests(ITestOutputHelper output)
{
    private static readonly string[] Residents = [DemoUsers.Resident, DemoUsers.Neighbour, DemoUsers.RetiredPartyMember, DemoUsers.PartyCenterHousehold];

    [SqliteFact]
    public async Task Residents_keep_getting_answers_while_a_big_store_is_backed_up()
    {
        var mib = int.TryParse(Environment.GetEnvironmentVariable("GOVBOT_BACKUP_MIB"), CultureInfo.InvariantCulture, out var m) ? m : 48;
        var folder = Directory.CreateTempSubdirectory("govbot-stall-").FullName;
        await using var bot = await BotHost.StartAsync();
        await FillAsync(bot, mib);

        // A turn: the callback's round trip, which WeCom waits on; answered within the passive budget (BotHost: 3 s) or
        // not, and then by a push. What a push then waits is WeCom's per-member frequency limit, not the store.
        var turns = new ConcurrentBag<(DateTime Start, DateTime End, bool Passive, string Text)>();
        using var stop = new CancellationTokenSource();
        var loops = Residents.Select(user => Task.Run(async () =>
        {
            async Task<string> Say(string text)
            {
                var start = DateTime.UtcNow;
                var passive = true;
                var reply = await bot.ReplyToAsync(user, async () =>
                {
                    var answer = await bot.WeCom.SendTextAsync(user, text);
                    passive = answer.PassiveReply is not null;
                    turns.Add((start, DateTime.UtcNow, passive, text));
                    return answer;
                }, TimeSpan.FromMinutes(3));
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
        async Task<bool> Turns(Func<(DateTime Start, DateTime End, bool Passive, string Text), bool> which, int count)
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
        await BotHost.EventuallyAsync(() => Turns(t => t.Start > t1, 20), TimeSpan.FromMinutes(4), "no answers after the backup");
        await stop.CancelAsync();
        await Task.WhenAll(loops);

        static string Figures(List<(DateTime Start, DateTime End, bool Passive, string Text)> some) => some.Count == 0 ? "none" :
            $"{some.Count} turns, median {some.Select(Ms).Order().ElementAt(some.Count / 2):0} ms, max {some.Max(Ms):0} ms, " +
            $"{some.Count(t => !t.Passive)} answered by push";
        static double Ms((DateTime Start, DateTime End, bool Passive, string Text) t) => (t.End - t.Start).TotalMilliseconds;
        var before = turns.Where(t => t.End < t0).ToList();
        var during = turns.Where(t => t.End > t0 && t.Start < t1).ToList();
        var after = turns.Where(t => t.Start >= t1).ToList();
        output.WriteLine(written.ToString().Trim());
        output.WriteLine($"store {mib} MiB; backup {took.TotalSeconds:0.0} s");
        output.WriteLine($"before the backup: {Figures(before)}");
        output.WriteLine($"while it ran:      {Figures(during)}");
        output.WriteLine($"after it:          {Figures(after)}");
        foreach (var t in turns.Where(t => !t.Passive)) output.WriteLine($"answered by push: 「{t.Text}」 after {Ms(t):0} ms");

        // The copy never holds the bot up for its whole length: residents got passive answers while it ran.
        Assert.Contains(during, t => t.Passive && t.Start >= t0);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>
    /// <paramref name="mib"/> MiB of 4 KB rows in a table no turn reads (the import records): the copy has to read them
    /// all, the residents' turns none, so what is measured is the copy.
    /// </summary>
    private static Task<int> FillAsync(BotHost bot, int mib) => bot.WithDbAsync(async db =>
    {
        var rows = mib * 256;
        var at = DateTimeOffset.UtcNow.AddDays(-1).UtcTicks;
        for (var from = 0; from < rows; from += 20_000)
            await db.Database.ExecuteSqlRawAsync("""
                WITH RECURSIVE n(i) AS (SELECT {0} UNION ALL SELECT i + 1 FROM n WHERE i < {1})
                INSERT INTO ImportRecords (Kind, At, Source, Sha256, Added, Changed, Unchanged, Removed, Refused, Summary)
                SELECT 0, {2}, 'fill-' || i || '.xlsx', hex(randomblob(32)), 0, 0, 0, 0, 0, hex(randomblob(2000)) FROM n
                """, from, Math.Min(from + 20_000, rows) - 1, at);
        // A big store at rest, as at 02:30: the fill copied out of the log, not a gigabyte of -wal for the checkpointer.
        await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)");
        return rows;
    });
}
