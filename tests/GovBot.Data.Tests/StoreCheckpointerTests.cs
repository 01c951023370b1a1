using GovBot.Data.People;
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

    public async Task InitializeAsync() => _host = await _store.StartHostAsync();

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
        for (var waited = TimeSpan.Zero; waited < TimeSpan.FromSeconds(10); waited += TimeSpan.FromMilliseconds(100))
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
}
