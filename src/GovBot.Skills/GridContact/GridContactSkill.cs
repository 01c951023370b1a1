using System.Text;
using GovBot.Data;
using GovBot.Data.People;
using GovBot.Data.Places;
using GovBot.Data.Reference;
using GovBot.Data.Store;
using GovBot.Skills.Conversation;
using GovBot.Skills.Nlu;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Skills.GridContact;

/// <summary>
/// 我们的网格员是谁: the grid workers and micro-grid lead of the building the resident lives in, with their
/// phone numbers (posted on every building's notice board, so no secret), or the community's staff when the
/// building belongs to no grid. 物业电话, 社区电话, 党群中心在哪 and 暖新驿站几点开门 are answered for the same compound
/// by <see cref="PlaceContacts"/>, for the day asked when one is (党群中心礼拜天有人没).
/// </summary>
public sealed class GridContactSkill(GovBotDb db, PlaceContacts places, ReferenceData reference) : ISkill
{
    public string Name => "grid-contact";
    public IReadOnlyCollection<string> Intents { get; } = [Nlu.Intents.GridContact];
    public MenuEntry? Menu => new("找网格员", "我们的网格员是谁", Order: 30);

    public Task<Reply> StartAsync(TurnContext turn, CancellationToken ct) => ContactTopics.Of(turn.Text) switch
    {
        ContactTopic.PropertyManager => places.PropertyManagerAsync(turn.User, ct),
        ContactTopic.Community => places.CommunityAsync(turn.User, turn.Nlu.FindDate(), turn.Now, ct),
        ContactTopic.PartyService => places.StationsAsync(turn.User, PartyService, turn.Now, turn.Nlu.FindDate(), ct),
        ContactTopic.RestStop => places.StationsAsync(turn.User, [ServiceStationKind.RestStop], turn.Now, turn.Nlu.FindDate(), ct),
        _ => GridWorkerAsync(turn, ct),
    };

    private static readonly ServiceStationKind[] PartyService = [ServiceStationKind.PartyServiceCenter, ServiceStationKind.PartyServiceStation];

    private async Task<Reply> GridWorkerAsync(TurnContext turn, CancellationToken ct)
    {
        var user = turn.User;
        if (user.BuildingId is { } buildingId)
        {
            var building = await BuildingWithGrid.For(db)(db, buildingId, ct);
            if (building.MicroGrid is { Grid: { } grid } micro)
            {
                var text = new StringBuilder($"您家{building.Compound!.Name}{building.Name}属于{grid.Name}。");
                foreach (var worker in (await reference.GetAsync(ct)).WorkersOf(grid.Id))
                    text.Append("\n网格员：").Append(Contact(worker));
                if (micro.Lead is { } lead)
                    text.Append("\n微网格长：").Append(Contact(lead)).Append('（').Append(micro.Name).Append('）');
                return Reply.Text(text.Append("\n有问题也可以直接跟我说，我转给网格员。").ToString());
            }
        }
        else if (user.CompoundId is { } compoundId)
        {
            var known = await reference.GetAsync(ct);
            var workers = known.GridsOfCompound(compoundId).SelectMany(known.WorkersOf).ToList();
            if (workers.Count > 0)
                return Reply.Text("您小区的网格员：\n" + string.Join("\n", workers.Select(Contact)) + "\n告诉我您住几号楼，就能找到负责您家的那一位。");
        }

        if (user.CommunityId is not { } communityId)
            return Reply.Text("还不知道您住在哪儿。回复「你好」登记一下住址，我就能告诉您网格员是谁。");
        var staff = await db.People.AsNoTracking()
            .Where(p => p.CommunityId == communityId && (p.Roles & (Roles.Staff | Roles.Secretary)) != 0)
            .OrderBy(p => p.Id).ToListAsync(ct);
        return Reply.Text(staff.Count == 0
            ? "您住的地方还没有安排网格员。有问题直接跟我说，我转给社区。"
            : "您住的楼还没划进网格，可以找社区：\n" + string.Join("\n", staff.Select(Contact)));
    }

    public Task<Reply> ContinueAsync(TurnContext turn, CancellationToken ct) => StartAsync(turn, ct);

    public Task<Reply> OnButtonAsync(TurnContext turn, string action, CancellationToken ct) => StartAsync(turn, ct);

    // Asked for nearly every resident who asks: compiled once, it skips EF's per-call look at the expression tree.
    private static readonly ModelQuery<Func<GovBotDb, int, CancellationToken, Task<Building>>> BuildingWithGrid = new(() =>
        EF.CompileAsyncQuery((GovBotDb db, int buildingId, CancellationToken ct) => db.Buildings.AsNoTracking()
            .Include(b => b.Compound)
            .Include(b => b.MicroGrid!).ThenInclude(m => m.Lead)
            .Include(b => b.MicroGrid!).ThenInclude(m => m.Grid)
            .First(b => b.Id == buildingId)));

    private static string Contact(Person p) => p.Phone is { } phone ? $"{p.Name} {phone}" : p.Name;
}
