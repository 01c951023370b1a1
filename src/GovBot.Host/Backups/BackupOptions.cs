using Microsoft.Data.Sqlite;

namespace GovBot.Host.Backups;

/// <summary>
/// The scheduled backup, bound from "Data:Backup". On by default, into a backups folder beside the store: a county
/// server that nobody configured still has two weeks of copies to go back to after a bad upgrade or a wrong erasure.
/// A copy on the same disk does not survive the disk: point <see cref="Directory"/> at another disk or a mounted share.
/// </summary>
public sealed class BackupOptions
{
    public const string SectionName = "Data:Backup";

    public bool Enabled { get; set; } = true;

    /// <summary>Where the copies go; relative to the content root. Empty: "backups" in the store's folder.</summary>
    public string? Directory { get; set; }

    /// <summary>Quartz cron in China time; daily at 02:30 by default, when nobody chats.</summary>
    public string Cron { get; set; } = "0 30 2 * * ?";

    /// <summary>How many copies to keep; older ones are deleted after a new copy passed its check.</summary>
    public int Keep { get; set; } = 14;

    /// <summary>The folder the copies of the store at <paramref name="storeConnectionString"/> go to.</summary>
    public string DirectoryFor(string storeConnectionString, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(Directory))
            return Path.GetFullPath(Path.IsPathRooted(Directory) ? Directory : Path.Combine(contentRoot, Directory));
        var store = new SqliteConnectionStringBuilder(storeConnectionString).DataSource;
        return Path.Combine(Path.GetDirectoryName(Path.GetFullPath(store))!, "backups");
    }
}
