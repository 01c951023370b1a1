using GovBot.Data;
using GovBot.Data.People;
using GovBot.Data.Visits;
using GovBot.Skills.Conversation;
using GovBot.Skills.Nlu;
using GovBot.Skills.Reminders;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Skills.Visits;

/// <summary>
/// 走访了3号楼2单元301: a 党员中心户, micro-grid lead or grid worker records a household visit in one sentence, in
/// their own compound or, for a grid worker, in a building of their grids; the Monday 周走访 reminder then lists who
/// was not visited. A sentence without the building, or with one their grids hold in two compounds, asks once.
/// </summary>
public sealed class VisitSkill(GovBotDb db) : ISkill
{
    private const Roles Visitors = Roles.PartyCenterHousehold | Roles.MicroGridLead | Roles.GridWorker;

    public string Name => "visits";
    public string Topic => "走访记录";
    public IReadOnlyCollection<string> Intents { get; } = [Nlu.Intents.RecordVisit];
    public MenuEntry? Menu => new("走访记录（周走访，一句话记下）", "走访了3号楼2单元301", Order: 4, For: Visitors);

    public Task<Reply> StartAsync(TurnContext turn, CancellationToken ct) => RecordAsync(turn, ct);

    public Task<Reply> ContinueAsync(TurnContext turn, CancellationToken ct)
    {
        turn.EndDialog();
        return RecordAsync(turn, ct);
    }

    public Task<Reply> OnButtonAsync(TurnContext turn, string action, CancellationToken ct) => RecordAsync(turn, ct);

    private async Task<Reply> RecordAsync(TurnContext turn, CancellationToken ct)
    {
        var user = turn.User;
        if ((user.Roles & Visitors) == 0)
            return Reply.Text("走访记录是党员中心户和网格员用的。您想反映问题的话，直接说是什么事就行。");
        var grids = db.GridWorkers.Where(w => w.PersonId == user.Id).Select(w => w.GridId);
        if (user.CompoundId is null && !await grids.AnyAsync(ct))
            return Reply.Text("还不知道您负责哪个小区，请社区工作人员帮您登记一下住址。");

        var nlu = turn.Nlu;
        if (nlu?.Find(Entities.Building) is not { } number || !int.TryParse(number, out var buildingNumber))
        {
            turn.Continue(new DialogState { Skill = Name, StartedAt = turn.Now });
            return Reply.Text("走访的是哪一户？说楼号、单元和门牌，比如「走访了3号楼2单元301」。");
        }
        var buildings = await db.Buildings.Include(b => b.Compound)
            .Where(b => b.Number == buildingNumber
                && (b.CompoundId == user.CompoundId || (b.MicroGrid != null && grids.Contains(b.MicroGrid.GridId))))
            .OrderBy(b => b.Id).ToListAsync(ct);
        if (buildings.Count > 1 && nlu.Find(Entities.Compound) is { } named)
            buildings = [.. buildings.Where(b => b.Compound!.Name == named)];
        if (buildings.Count == 0) return Reply.Text($"您负责的范围里没有{buildingNumber}号楼，请再核对一下。");
        if (buildings.Count > 1)
        {
            // A grid of several small compounds (世纪花园 and 世纪家园 both have a 1号楼): the compound decides.
            turn.Continue(new DialogState { Skill = Name, StartedAt = turn.Now });
            return Reply.Text($"{string.Join("和", buildings.Select(b => b.Compound!.Name))}都有{buildingNumber}号楼，是哪个小区的？"
                + $"带上小区名说一遍，比如「走访了{buildings[0].Compound!.Name}{buildingNumber}号楼1单元101」。");
        }
        var building = buildings[0];

        var unit = nlu.Find(Entities.Unit) is { } u ? u + "单元" : null;
        var room = nlu.Find(Entities.Room);
        db.HouseholdVisits.Add(new HouseholdVisit { VisitorId = user.Id, BuildingId = building.Id, Unit = unit, Room = room, At = turn.Now });

        var weekStart = ChinaTime.WeekStart(turn.Now);
        var thisWeek = await db.HouseholdVisits.CountAsync(v => v.VisitorId == user.Id && v.At >= weekStart, ct) + 1;
        return Reply.Text($"记下了：{building.Compound!.Name}{building.Name}{unit}{room}。这周您已走访{thisWeek}户，辛苦了！");
    }
}
