using GovBot.Data;
using GovBot.Data.People;
using GovBot.Skills.Reminders;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Skills.Visits;

/// <summary>
/// 周走访, Monday morning: each 党员中心户 gets the households they look after, those not visited last week
/// first. The model has no explicit list, so these are the households of their micro-grid (the buildings it
/// groups), or of their own building when it has no micro-grid: every other resident address on record
/// there, one line per room. Visits are what they recorded in the chat ("走访了3号楼2单元301").
/// </summary>
public sealed class WeeklyVisitReminder(GovBotDb db, ReminderPusher pusher, TimeProvider time) : IReminder
{
    public const string Kind = "visit";
    private const int MaxListed = 30;

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var today = ChinaTime.Today(now);
        var thisWeek = ChinaTime.WeekStart(now);
        var lastWeek = thisWeek.AddDays(-7);
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
            var visited = (await db.HouseholdVisits.AsNoTracking()
                    .Where(v => v.VisitorId == centre.Id && v.At >= lastWeek && v.At < thisWeek)
                    .Select(v => new { v.BuildingId, v.Unit, v.Room }).ToListAsync(ct))
                .Select(v => (v.BuildingId, v.Unit, v.Room)).ToHashSet();
            var households = residents
                .Where(r => !(r.BuildingId == centre.BuildingId && r.Unit == centre.Unit && r.Room == centre.Room))
                .GroupBy(r => (r.BuildingId, r.Compound, r.Building, r.Unit, r.Room))
                .OrderBy(g => g.Key.Compound, StringComparer.Ordinal).ThenBy(g => g.Key.Building, StringComparer.Ordinal)
                .ThenBy(g => g.Key.Unit, StringComparer.Ordinal).ThenBy(g => g.Key.Room, StringComparer.Ordinal)
                .Select(g => (Visited: visited.Contains((g.Key.BuildingId!.Value, g.Key.Unit, g.Key.Room)),
                    Line: $"{g.Key.Compound}{g.Key.Building}{g.Key.Unit}{g.Key.Room} {string.Join("、", g.Select(r => r.Name))}"))
                .ToList();
            if (households.Count == 0) continue;

            var missed = households.Where(h => !h.Visited).Select(h => h.Line).ToList();
            var done = households.Count - missed.Count;
            var more = missed.Count > MaxListed ? $"\n……还有{missed.Count - MaxListed}户" : "";
            var text = missed.Count == 0
                ? $"【周走访】上周您联系的{households.Count}户都走访到了，辛苦了！这周照常走访，走访后跟我说一声，比如「走访了5号楼1单元502」。"
                : $"【周走访】您联系的{households.Count}户，上周走访了{done}户。这周请先去上周没走访到的{missed.Count}户：\n"
                  + $"{string.Join('\n', missed.Take(MaxListed))}{more}\n走访后跟我说一声，比如「走访了5号楼1单元502」；听到难事，直接在这里跟我说。";
            if (await pusher.PushAsync(Kind, $"reminder:{Kind}:{centre.Id}:{today:yyyy-MM-dd}", text, [centre.WeComUserId], ct)) pushed++;
        }
        return pushed;
    }
}
