using GovBot.Data;
using GovBot.Data.CheckIns;
using GovBot.Data.Seeding;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Skills.CheckIns;

/// <summary>
/// Gives a new store the services members offer when they check in (the seeds name 环境整治, 法律宣传,
/// 爱心帮扶, and a fair's 理发, 义诊, 车辆检修); a county edits the list as data afterwards.
/// </summary>
public sealed class VolunteerServiceSeeder(IDbContextFactory<GovBotDb> dbs) : StartupSeeder
{
    public static readonly IReadOnlyList<string> Defaults = ["环境整治", "法律宣传", "爱心帮扶", "医疗义诊", "理发", "维修", "治安巡逻", "文体活动"];

    public override async Task SeedAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (await db.VolunteerServiceKinds.AnyAsync(ct)) return;
        var order = 0;
        foreach (var name in Defaults)
            db.VolunteerServiceKinds.Add(new VolunteerServiceKind { Name = name, SortOrder = ++order });
        await db.SaveChangesAsync(ct);
    }
}
