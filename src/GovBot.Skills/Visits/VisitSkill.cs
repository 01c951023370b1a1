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
/// their own compound; the Monday 周走访 reminder then lists who was not visited. A sentence without the
/// building asks once for it.
/// </summary>
public sealed class VisitSkill(GovBotDb db) : ISkill
{
    private const Roles Visitors = Roles.PartyCenterHousehold | Roles.MicroGridLead | Roles.GridWorker;

    public string Name => "visits";
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
        if (user.CompoundId is not { } compoundId)
            return Reply.Text("还不知道您负责哪个小区，请社区工作人员帮您登记一下住址。");

        var nlu = turn.Nlu;
        if (nlu?.Find(Entities.Building) is not { } number || !int.TryParse(number, out var buildingNumber))
        {
            turn.Continue(new DialogState { Skill = Name, StartedAt = turn.Now });
            return Reply.Text("走访的是哪一户？说楼号、单元和门牌，比如「走访了3号楼2单元301」。");
        }
        var building = await db.Buildings.Include(b => b.Compound)
            .FirstOrDefaultAsync(b => b.CompoundId == compoundId && b.Number == buildingNumber, ct);
        if (building is null) return Reply.Text($"您的小区没有{buildingNumber}号楼，请再核对一下。");

        var unit = nlu.Find(Entities.Unit) is { } u ? u + "单元" : null;
        var room = nlu.Find(Entities.Room);
        db.HouseholdVisits.Add(new HouseholdVisit { VisitorId = user.Id, BuildingId = building.Id, Unit = unit, Room = room, At = turn.Now });

        var weekStart = ChinaTime.WeekStart(turn.Now);
        var thisWeek = await db.HouseholdVisits.CountAsync(v => v.VisitorId == user.Id && v.At >= weekStart, ct) + 1;
        return Reply.Text($"记下了：{building.Compound!.Name}{building.Name}{unit}{room}。这周您已走访{thisWeek}户，辛苦了！");
    }
}
