using GovBot.Data;
using GovBot.Data.Points;
using GovBot.Data.Seeding;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Skills.Points;

/// <summary>
/// Gives a new store the ten items of the 红色账户 and the rules for the events the bot sees. A county edits
/// names, points and caps as data afterwards; items without a rule are scored by staff by hand.
/// </summary>
public sealed class PointItemSeeder(IDbContextFactory<GovBotDb> dbs) : StartupSeeder
{
    public static readonly IReadOnlyList<(string Code, string Name, PointDimension Dimension)> Items =
    [
        ("check-in", "双报到", PointDimension.Base),
        ("meeting", "组织生活", PointDimension.Base),
        ("patrol", "日常巡查", PointDimension.Base),
        ("deliberation", "议事协商", PointDimension.Base),
        ("volunteer", "志愿服务", PointDimension.Extra),
        ("micro-wish", "微心愿", PointDimension.Extra),
        ("pairing", "结对帮扶", PointDimension.Extra),
        ("report", "为民办事", PointDimension.Reward),
        ("honour", "表彰奖励", PointDimension.Reward),
        ("adjust", "其他", PointDimension.Reward),
    ];

    /// <summary>(source kind, item code, points, per unit, yearly cap).</summary>
    public static readonly IReadOnlyList<(string Kind, string Item, int Points, bool PerUnit, int? Cap)> Rules =
    [
        (PointSources.CheckIn, "check-in", 10, false, null),
        (PointSources.ReportRated, "report", 5, false, 50),
        (PointSources.MicroWish, "micro-wish", 5, false, 30),
        (PointSources.VolunteerHours, "volunteer", 2, true, 60),
    ];

    public override async Task SeedAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (await db.PointItems.AnyAsync(ct)) return;
        var order = 0;
        var items = Items.Select(i => new PointItem { Code = i.Code, Name = i.Name, Dimension = i.Dimension, SortOrder = ++order }).ToList();
        db.PointItems.AddRange(items);
        foreach (var r in Rules)
            db.PointRules.Add(new PointRule { SourceKind = r.Kind, Item = items.Single(i => i.Code == r.Item), Points = r.Points, PerUnit = r.PerUnit, CapPerYear = r.Cap });
        await db.SaveChangesAsync(ct);
    }
}
