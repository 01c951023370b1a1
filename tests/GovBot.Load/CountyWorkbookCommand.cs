using System.Diagnostics;
using System.Globalization;
using GovBot.Data;
using GovBot.Data.People;
using GovBot.Data.Store;
using GovBot.Host.Structure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovBot.Load;

/// <summary>
/// county-workbook --out FILE [--scale 1.0] [--time]: writes a generated county workbook (see
/// <see cref="CountyWorkbookGenerator"/>); with --time it also reads it, previews and applies it into an empty
/// store in a temporary folder, and prints how long each step took. A measurement, not a test.
/// </summary>
public static class CountyWorkbookCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var output = "county-workbook.xlsx";
        var scale = 1.0;
        var time = false;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--out": output = Next(); break;
                case "--scale": scale = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--time": time = true; break;
                default: throw new ArgumentException($"Unknown option {args[i]}. county-workbook --out FILE [--scale 1.0] [--time]");
            }
        }
        if (scale is <= 0 or > 10) throw new ArgumentException("--scale must be above 0 and at most 10.");

        var clock = Stopwatch.StartNew();
        var bytes = new CountyWorkbookGenerator(scale).Workbook();
        await File.WriteAllBytesAsync(output, bytes);
        Console.WriteLine($"Generated {Path.GetFullPath(output)}: {bytes.Length / 1024.0 / 1024.0:0.0} MB in {clock.Elapsed.TotalSeconds:0.0} s");
        return time ? await TimeAsync(output, bytes) : 0;
    }

    private static async Task<int> TimeAsync(string name, byte[] bytes)
    {
        var folder = Directory.CreateTempSubdirectory("govbot-county-");
        try
        {
            var services = new ServiceCollection()
                .AddDbContextFactory<GovBotDb>(o => o.UseGovBotSqlite($"Data Source={Path.Combine(folder.FullName, "govbot.db")}"))
                .AddSingleton<StoreWriteGate>()
                .AddSingleton(TimeProvider.System)
                .AddSingleton<StructureImporter>()
                .BuildServiceProvider();
            var dbs = services.GetRequiredService<IDbContextFactory<GovBotDb>>();
            Person actor;
            await using (var db = await dbs.CreateDbContextAsync())
            {
                await db.Database.MigrateAsync();
                actor = new Person { WeComUserId = "county-admin", Name = "县级管理员", Roles = Roles.CountyAdmin, CreatedAt = DateTimeOffset.UtcNow };
                db.People.Add(actor);
                await db.SaveChangesAsync();
            }
            var importer = services.GetRequiredService<StructureImporter>();

            var clock = Stopwatch.StartNew();
            var book = CountyWorkbookReader.Read([new UploadedFile(Path.GetFileName(name), bytes)]);
            var read = clock.Elapsed;
            var plan = await importer.PreviewAsync(book, CancellationToken.None);
            var preview = clock.Elapsed - read;
            if (!plan.CanApply)
            {
                foreach (var r in plan.Refusals.Take(20)) Console.Error.WriteLine($"{r.Sheet} 第 {r.Row} 行：{r.Reason}");
                return 1;
            }
            var before = clock.Elapsed;
            var applied = await importer.ApplyAsync(CountyWorkbookReader.Read([new UploadedFile(Path.GetFileName(name), bytes)]), plan.Digest(), actor, CancellationToken.None);
            var apply = clock.Elapsed - before;
            if (applied.Refusal is { } why) { Console.Error.WriteLine(why); return 1; }
            before = clock.Elapsed;
            var again = await importer.PreviewAsync(CountyWorkbookReader.Read([new UploadedFile(Path.GetFileName(name), bytes)]), CancellationToken.None);
            var reimport = clock.Elapsed - before;

            Console.WriteLine($"Rows: {plan.Rows.Count} ({plan.Summary()})");
            Console.WriteLine($"Read workbook:       {read.TotalSeconds,6:0.0} s");
            Console.WriteLine($"Preview (plan):      {preview.TotalSeconds,6:0.0} s");
            Console.WriteLine($"Apply (read+plan+write, one transaction): {apply.TotalSeconds,6:0.0} s");
            Console.WriteLine($"Preview + apply:     {(read + preview + apply).TotalSeconds,6:0.0} s");
            Console.WriteLine($"Re-import preview (read+plan on the full store): {reimport.TotalSeconds,6:0.0} s, {again.Added} added, {again.Changed} changed");
            return again.Added + again.Changed == 0 ? 0 : 1;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }
}
