using GovBot.Data;
using GovBot.Data.Backups;

namespace GovBot.Host.Backups;

/// <summary>
/// <c>dotnet GovBot.Host.dll backup [--out &lt;dir&gt;]</c>: an online copy of the store the host's configuration names
/// (appsettings, environment, ConnectionStrings__GovBot), safe while the host runs, into Data:Backup:Directory or
/// <c>--out</c>. <c>restore &lt;backup&gt; [--to &lt;store&gt;]</c>: puts a checked copy in place of the (stopped) store.
/// Each prints one line and exits 0, or says why not and exits 1 (2 for a wrong command line).
/// </summary>
public static class BackupCommand
{
    public static bool Matches(string[] args) => args is ["backup", ..] or ["restore", ..];

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var (options, rest) = Split(args.Skip(1).ToList());
        var builder = WebApplication.CreateBuilder(rest.ToArray());
        if (builder.Configuration.GetSection(DataOptions.SectionName).Get<DataOptions>()?.Provider == StoreProvider.Postgres)
        {
            // These commands copy and check a SQLite file; PostgreSQL has its own tools for a consistent online copy.
            await error.WriteLineAsync("Data:Provider 是 Postgres：backup/restore 只用于 SQLite 文件。PostgreSQL 数据库请用 pg_dump 备份、"
                + "pg_restore 恢复（见 docs/postgres.md）。");
            return 1;
        }
        var store = DataRegistration.ResolveConnectionString(
            builder.Configuration.GetConnectionString(DataRegistration.ConnectionStringName), builder.Environment.ContentRootPath);
        var backup = builder.Configuration.GetSection(BackupOptions.SectionName).Get<BackupOptions>() ?? new BackupOptions();
        try
        {
            if (args[0] == "backup")
            {
                var directory = options.TryGetValue("--out", out var o) ? Path.GetFullPath(o) : backup.DirectoryFor(store, builder.Environment.ContentRootPath);
                var copy = await StoreBackup.CopyAsync(store, directory, DateTimeOffset.UtcNow, CancellationToken.None);
                await output.WriteLineAsync($"已备份：{copy.Path}（{copy.Bytes / 1024.0 / 1024:0.0} MB，用时 {copy.Took.TotalSeconds:0.0} 秒，检查通过：quick_check ok，{StoreCopyCheck.ExpectedTables.Count} 张表齐全）");
                return 0;
            }
            if (!options.TryGetValue("", out var from))
            {
                await error.WriteLineAsync("用法：restore <备份文件> [--to <数据库文件>]");
                return 2;
            }
            var target = options.TryGetValue("--to", out var to) ? to : new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(store).DataSource;
            var done = StoreRestore.Run(from, target, DateTimeOffset.UtcNow);
            await output.WriteLineAsync($"已恢复：{Path.GetFullPath(from)} → {done.Store}" + (done.ReplacedKeptAt is { } aside ? $"；原来的数据库保留为 {aside}" : ""));
            return 0;
        }
        catch (Exception ex) when (ex is StoreCopyException or StoreInUseException or IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            var what = args[0] == "backup" ? "备份" : "恢复";
            await error.WriteLineAsync(ex switch
            {
                StoreInUseException => $"{what}失败：数据库正被其他程序打开，请先停掉主机再恢复。（{ex.Message}）",
                StoreCopyException => $"{what}失败：备份文件检查不通过，什么都没有改动。（{ex.Message}）",
                _ => $"{what}失败：{ex.Message}",
            });
            return 1;
        }
    }

    /// <summary>--out/--to with their values, the first bare word (the backup file) under "", the rest for the host's configuration.</summary>
    private static (Dictionary<string, string> Options, List<string> HostArgs) Split(List<string> args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var rest = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] is "--out" or "--to" && i + 1 < args.Count) options[args[i]] = args[++i];
            else if (args[i].StartsWith("--", StringComparison.Ordinal) && !args[i].Contains('=') && i + 1 < args.Count) rest.AddRange([args[i], args[++i]]);
            else if (!args[i].StartsWith('-') && !args[i].Contains('=') && !options.ContainsKey("")) options[""] = args[i];
            else rest.Add(args[i]);
        }
        return (options, rest);
    }
}
