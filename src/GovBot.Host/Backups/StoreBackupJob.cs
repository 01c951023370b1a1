using GovBot.Data;
using GovBot.Data.Backups;
using GovBot.Skills.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovBot.Host.Backups;

/// <summary>
/// The scheduled backup, run by the scheduler like a reminder (it pushes nothing), so only the host holding the scheduler
/// lease copies, and the county can pause it on the reminders page: copies the store (<see cref="StoreBackup"/>), and
/// after the copy passed its check deletes all but the newest <see cref="BackupOptions.Keep"/>. A failed copy keeps the
/// earlier ones, logs an error and shows on /healthz.
/// </summary>
public sealed partial class StoreBackupJob(
    IDbContextFactory<GovBotDb> pool, IOptions<BackupOptions> options, IHostEnvironment environment, BackupHealth health,
    TimeProvider time, ILogger<StoreBackupJob> log) : IReminder
{
    public const string Kind = "backup";

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var o = options.Value;
        if (!o.Enabled) return 0;
        string store;
        await using (var db = await pool.CreateDbContextAsync(ct)) store = db.Database.GetConnectionString()!;
        var directory = o.DirectoryFor(store, environment.ContentRootPath);
        try
        {
            var copy = await StoreBackup.CopyAsync(store, directory, time.GetUtcNow(), ct);
            var pruned = StoreBackup.Prune(directory, o.Keep);
            health.Succeeded();
            LogCopied(log, copy.Path, copy.Bytes / 1024 / 1024, copy.Took.TotalSeconds, pruned.Count);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            health.Failed(ex.Message);
            LogFailed(log, ex, directory);
        }
        return 0;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Backup {Path}: {MiB} MiB in {Seconds:0.0} s, checked; {Pruned} older copies removed")]
    private static partial void LogCopied(ILogger logger, string path, long miB, double seconds, int pruned);

    [LoggerMessage(Level = LogLevel.Error, Message = "Backup into {Directory} failed; the earlier copies are kept")]
    private static partial void LogFailed(ILogger logger, Exception ex, string directory);
}
