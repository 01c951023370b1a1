using GovBot.Data.Services;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Data.Seeding;

/// <summary>
/// The demo county's coming 志愿服务集市 (the seeds: merchants giving residents free haircuts, clinics and
/// vehicle checks) at 清泉湖社区党群服务中心 on the next Saturday after the clock's today, China time. Deterministic
/// for a given clock; writes only when the demo community exists and no service event does.
/// </summary>
public sealed class DemoServicesSeeder(TimeProvider time)
{
    public const string FairTitle = "志愿服务集市";
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    public async Task<bool> SeedAsync(GovBotDb db, CancellationToken ct = default)
    {
        if (await db.ServiceEvents.AnyAsync(ct)) return false;
        var community = await db.Communities.FirstOrDefaultAsync(c => c.Name == "清泉湖社区", ct);
        if (community is null) return false;
        var team = await db.VolunteerTeams.FirstOrDefaultAsync(t => t.Name == "红色唠嗑队", ct);

        var saturday = NextSaturday(time.GetUtcNow());
        DateTimeOffset At(int hour, int minute = 0) => saturday.AddHours(hour).AddMinutes(minute);

        var fair = new ServiceEvent
        {
            Title = FairTitle,
            Place = "清泉湖社区党群服务中心",
            Date = At(9),
            CommunityId = community.Id,
            OrganiserTeamId = team?.Id,
            Items =
            [
                // Haircuts take long and the barbers are few: small slots, so the queue matters.
                new ServiceItem { Name = "理发", Provider = "爱心理发店", Slots = [Slot(At(9), At(10), 2), Slot(At(10), At(11), 2)] },
                new ServiceItem { Name = "义诊", Provider = "清徐县人民医院", Slots = [Slot(At(9), At(11, 30), 20)] },
                new ServiceItem { Name = "车辆检修", Provider = "电动车维修志愿队", Slots = [Slot(At(9), At(11, 30), 10)] },
            ],
        };
        db.ServiceEvents.Add(fair);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return true;
    }

    private static ServiceSlot Slot(DateTimeOffset from, DateTimeOffset to, int capacity) =>
        new() { StartsAt = from, EndsAt = to, Capacity = capacity };

    /// <summary>Midnight (China) of the first Saturday after today; a Saturday today gives next week's.</summary>
    public static DateTimeOffset NextSaturday(DateTimeOffset now)
    {
        var local = now.ToOffset(China);
        var days = ((int)DayOfWeek.Saturday - (int)local.DayOfWeek + 7) % 7;
        if (days == 0) days = 7;
        return new DateTimeOffset(local.Date.AddDays(days), China);
    }
}
