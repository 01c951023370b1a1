using GovBot.Data;
using GovBot.Data.Reports;
using GovBot.Data.Seeding;
using GovBot.Skills.Nlu;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Skills.Reports;

/// <summary>
/// Gives a new store the default report categories, so a county starts with sensible ones and edits them as data.
/// Runs while the host is starting, after the store is migrated and before the router loads its names.
/// </summary>
public sealed class ReportCategorySeeder(IDbContextFactory<GovBotDb> dbs) : StartupSeeder
{
    /// <summary>Hazards wait for no one: these categories get tighter limits.</summary>
    private static readonly HashSet<string> Urgent = ["消防通道", "安全隐患", "飞线充电"];

    public override async Task SeedAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (await db.ReportCategories.AnyAsync(ct)) return;
        var order = 0;
        foreach (var entry in DefaultCategories.ReportCategories)
        {
            var urgent = Urgent.Contains(entry.Name);
            db.ReportCategories.Add(new ReportCategory
            {
                Name = entry.Name,
                Keywords = string.Join('|', entry.Aliases),
                AcceptWithin = urgent ? TimeSpan.FromHours(1) : TimeSpan.FromHours(2),
                HandleWithin = urgent ? TimeSpan.FromDays(1) : TimeSpan.FromDays(3),
                SortOrder = ++order,
            });
        }
        await db.SaveChangesAsync(ct);
    }
}
