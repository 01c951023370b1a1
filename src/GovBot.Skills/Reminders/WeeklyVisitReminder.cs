using GovBot.Data;
using GovBot.Data.People;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Skills.Reminders;

/// <summary>
/// 周走访, Monday morning: each 党员中心户 gets the households they look after. The model has no explicit
/// list, so these are the households of their micro-grid (the buildings it groups), or of their own
/// building when it has no micro-grid: every other resident address on record there, one line per room.
/// </summary>
public sealed class WeeklyVisitReminder(GovBotDb db, ReminderPusher pusher, TimeProvider time) : IReminder
{
    public const string Kind = "visit";
    private const int MaxListed = 30;

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var today = ChinaTime.Today(time.GetUtcNow());
        var centres = await db.People.AsNoTracking()
            .Where(p => (p.Roles & Roles.PartyCenterHousehold) != 0 && p.BuildingId != null)
            .Select(p => new { p.Id, p.WeComUserId, BuildingId = p.BuildingId!.Value, p.Unit, p.Room, p.Building!.MicroGridId })
            .OrderBy(p => p.Id)
            .ToListAsync(ct);

        var pushed = 0;
        foreach (var centre in centres)
        {
            var buildings = centre.MicroGridId is { } micro
                ? await db.Buildings.Where(b => b.MicroGridId == micro).Select(b => b.Id).ToListAsync(ct)
                : [centre.BuildingId];
            var residents = await db.People.AsNoTracking()
                .Where(p => p.BuildingId != null && buildings.Contains(p.BuildingId.Value) && p.Id != centre.Id)
                .Select(p => new { p.BuildingId, Building = p.Building!.Name, Compound = p.Building.Compound!.Name, p.Unit, p.Room, p.Name })
                .ToListAsync(ct);
            var households = residents
                .Where(r => !(r.BuildingId == centre.BuildingId && r.Unit == centre.Unit && r.Room == centre.Room))
                .GroupBy(r => (r.Compound, r.Building, r.Unit, r.Room))
                .OrderBy(g => g.Key.Compound, StringComparer.Ordinal).ThenBy(g => g.Key.Building, StringComparer.Ordinal)
                .ThenBy(g => g.Key.Unit, StringComparer.Ordinal).ThenBy(g => g.Key.Room, StringComparer.Ordinal)
                .Select(g => $"{g.Key.Compound}{g.Key.Building}{g.Key.Unit}{g.Key.Room} {string.Join("、", g.Select(r => r.Name))}")
                .ToList();
            if (households.Count == 0) continue;

            var more = households.Count > MaxListed ? $"\n……还有{households.Count - MaxListed}户" : "";
            var text = $"【周走访】这周请抽空走访您联系的{households.Count}户：\n{string.Join('\n', households.Take(MaxListed))}{more}\n听到难事，直接在这里跟我说。";
            if (await pusher.PushAsync(Kind, $"reminder:{Kind}:{centre.Id}:{today:yyyy-MM-dd}", text, [centre.WeComUserId], ct)) pushed++;
        }
        return pushed;
    }
}
