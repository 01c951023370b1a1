using System.Diagnostics;
using GovBot.Data;
using GovBot.Emulator;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Load;

/// <summary>What the backup taken during a run holds, and what a fresh host made of it.</summary>
public sealed record BackupCheck(double AtSeconds, long AcknowledgedBefore, int InCopy, int AfterRestore, double TookSeconds, bool HostHealthy)
{
    /// <summary>Every report a member was told 已上报 before the copy began is in it, and a host started on it comes up and keeps them.</summary>
    public bool Clean => HostHealthy && InCopy >= AcknowledgedBefore && AfterRestore >= InCopy;

    public string Line() =>
        $"Backup at {AtSeconds:0} s (took {TookSeconds:0.0} s): {AcknowledgedBefore} reports acknowledged before it began, {InCopy} in the copy; "
        + $"a fresh host on the copy is {(HostHealthy ? "healthy" : "NOT healthy")} with {AfterRestore} reports. {(Clean ? "clean" : "NOT CLEAN")}";
}

/// <summary>
/// --backup-at SECONDS: while members chat, the operator's <c>backup</c> command copies the live store; after the run a
/// fresh host is started on that copy, as a restore would, and finishes what the copy still had pending.
/// </summary>
public static class BackupUnderLoad
{
    public static async Task<(long Acknowledged, string Copy, TimeSpan Took)> TakeAsync(
        string repoRoot, HostUnderTest host, LoadRecorder recorder, Stopwatch clock, TimeSpan at, CancellationToken ct)
    {
        // --backup-at names a moment of the run, as --kill-at does: the copy is taken then, whatever the members do.
        if (at > clock.Elapsed) await Task.Delay(at - clock.Elapsed, ct);
        var acknowledged = recorder.ReportsFiled;
        var folder = Directory.CreateTempSubdirectory("govbot-backup-").FullName;
        var start = new ProcessStartInfo("dotnet", [HostUnderTest.Assembly(repoRoot), "backup", "--out", folder,
            "--ConnectionStrings:GovBot", $"Data Source={host.DatabasePath}"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(HostUnderTest.Assembly(repoRoot)),
        };
        var took = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var said = await process.StandardOutput.ReadToEndAsync(ct) + await process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0) throw new InvalidOperationException("The backup command failed: " + said.Trim());
        return (acknowledged, Directory.GetFiles(folder, "govbot-*.db").Single(), took.Elapsed);
    }

    public static async Task<BackupCheck> CheckAsync(
        string repoRoot, WeComApiStandIn standIn, (long Acknowledged, string Copy, TimeSpan Took) backup, TimeSpan at, CancellationToken ct)
    {
        var inCopy = await ReportsAsync(backup.Copy);
        var healthy = false;
        var after = 0;
        try
        {
            await using var restored = await HostUnderTest.StartAsync(repoRoot, standIn.BaseUrl, standIn.Options.CorpSecret, null, ct,
                new Dictionary<string, string?> { ["ConnectionStrings__GovBot"] = $"Data Source={backup.Copy}" });
            restored.KeepData = false;
            healthy = true;
            // The copy may hold messages that were still pending when it was taken: the fresh host finishes them.
            await using (await StoreAudit.DrainedAsync(backup.Copy, TimeSpan.FromMinutes(1))) { }
            after = await ReportsAsync(backup.Copy);
        }
        catch (InvalidOperationException) { }
        catch (TimeoutException) { }
        return new BackupCheck(at.TotalSeconds, backup.Acknowledged, inCopy, after, backup.Took.TotalSeconds, healthy);
    }

    private static DbContextOptions<GovBotDb> Options(string path) =>
        new DbContextOptionsBuilder<GovBotDb>().UseSqlite($"Data Source={path}").Options;

    private static async Task<int> ReportsAsync(string path)
    {
        await using var db = new GovBotDb(Options(path));
        return await db.Reports.CountAsync();
    }
}
