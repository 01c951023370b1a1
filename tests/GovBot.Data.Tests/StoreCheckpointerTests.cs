using GovBot.Data.People;
using GovBot.Data.Store;
using GovBot.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GovBot.Data.Tests;

/// <summary>
/// The app's connections leave checkpoints to the background: what they write reaches the database file within
/// seconds, with every connection still open, and the write-ahead log does not grow without end.
/// </summary>
public sealed class StoreCheckpointerTests : IAsyncLifetime
{
    private readonly TestStore _store = new();
    private IHost _host = null!;

    // A short log before it is restarted, so that a few seconds of writes would outgrow it many times.
    private const int RestartPages = 256;

    public async Task InitializeAsync() =>
        _host = await _store.StartHostAsync(new Dictionary<string, string?> { ["Data:LogRestartPages"] = $"{RestartPages}" });

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        _store.Dispose();
    }

    private long FileSize => new FileInfo(_store.FilePath).Length;

    private async Task WriteManyAsync(string prefix)
    {
        // Many small commits on a connection that stays open (pooled), as the app writes.
        for (var i = 0; i < 50; i++)
        {
            await using var db = _store.CreateDb();
            for (var j = 0; j < 20; j++)
                db.People.Add(new Person { WeComUserId = $"{prefix}-{i}-{j}", Name = new string('居', 200), Roles = Roles.Resident });
            await db.SaveChangesAsync();
        }
    }

    private static async Task<bool> EventuallyAsync(Func<bool> condition)
    {
        for (var waited = TimeSpan.Zero; waited < TimeSpan.FromSeconds(60); waited += TimeSpan.FromMilliseconds(100))
        {
            if (condition()) return true;
            await Task.Delay(100);
        }
        return condition();
    }

    [Fact]
    public async Task Writes_reach_the_database_file_while_every_connection_stays_open()
    {
        var before = FileSize;

        await WriteManyAsync("first");

        // A thousand rows of 600 bytes need far more pages than the file had.
        Assert.True(await EventuallyAsync(() => FileSize > before + 300_000), $"file stayed at {FileSize} bytes (was {before})");
    }

    [Fact]
    public async Task The_log_is_used_again_from_its_start_instead_of_growing()
    {
        for (var round = 0; round < 6; round++)
        {
            // Each round waits until its last commit is checkpointed too; the next one then writes from the start of the log.
            var size = FileSize;
            await WriteManyAsync($"round{round}");
            Assert.True(await EventuallyAsync(() => FileSize > size + 300_000));
            await Task.Delay(StoreCheckpointer.Interval * 1.5);
        }

        // Six rounds of rows are in the file; the log holds one round's pages (it rewrites index pages each commit),
        // where six rounds' worth would be several times the file.
        var wal = new FileInfo(_store.FilePath + "-wal").Length;
        Assert.True(wal < FileSize, $"the log is {wal} bytes beside a file of {FileSize}");
    }

    [Fact]
    public async Task Under_writes_that_never_pause_the_log_still_starts_again()
    {
        // The commit group's way of writing: one writer after another through the gate, never a pause, readers beside
        // (the readers keep SQLite from restarting the log on its own). It stops once the log has started again three
        // times, or once it is clearly growing without end.
        var gate = _host.Services.GetRequiredService<StoreWriteGate>();
        // Generous: it stops as soon as the log has started again three times; on a busy CI machine that took over 30 s.
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var firstRound = RestartsSoFar();
        var restarts = 0L;
        var longestLog = 0L;
        var rows = 0;
        async Task WriteAsync()
        {
            while (!stop.IsCancellationRequested)
            {
                using (await gate.EnterAsync(CancellationToken.None))
                {
                    await using var db = _store.CreateDb();
                    for (var j = 0; j < 20; j++)
                        db.People.Add(new Person { WeComUserId = $"w-{rows + j}", Name = new string('居', 200), Roles = Roles.Resident });
                    await db.SaveChangesAsync();
                    rows += 20;
                }
                await Task.Yield(); // SQLite's async calls finish synchronously: leave the thread pool room for the checkpointer
            }
        }
        async Task ReadAsync()
        {
            while (!stop.IsCancellationRequested)
            {
                await using (var db = _store.CreateDb()) await db.People.CountAsync();
                await Task.Yield();
            }
        }
        async Task WatchAsync()
        {
            while (!stop.IsCancellationRequested)
            {
                var log = new FileInfo(_store.FilePath + "-wal");
                if (log.Exists) longestLog = Math.Max(longestLog, log.Length);
                restarts = RestartsSoFar() - firstRound;
                if (restarts >= 3 || longestLog > 256L * 1024 * 1024) await stop.CancelAsync();
                await Task.Delay(20);
            }
        }

        await Task.WhenAll(Task.Run(WriteAsync), Task.Run(ReadAsync), Task.Run(ReadAsync), Task.Run(WatchAsync));

        Assert.True(restarts >= 3, $"the log started again {restarts} times in {rows} rows, and grew to {longestLog} bytes");
        Assert.True(longestLog < 128L * 1024 * 1024, $"the log grew to {longestLog} bytes");
    }

    /// <summary>The log's header counts its restarts (the checkpoint sequence number, big-endian, at byte 12).</summary>
    private long RestartsSoFar()
    {
        // The host's start closed every connection, and the last one out removed the log; the first write makes a new one.
        if (!File.Exists(_store.FilePath + "-wal")) return 0;
        using var wal = new FileStream(_store.FilePath + "-wal", FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        Span<byte> header = stackalloc byte[16];
        return wal.Read(header) == 16 ? System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(header[12..]) : 0;
    }
}
