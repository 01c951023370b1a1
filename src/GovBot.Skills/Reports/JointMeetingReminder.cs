using GovBot.Data;
using GovBot.Data.People;
using GovBot.Data.Reports;
using GovBot.Skills.Reminders;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Skills.Reports;

/// <summary>
/// 联席会议: at community level (every two months) each community's secretary and staff, at county level
/// (quarterly) the county admins, get the open reports placed on the joint meeting's agenda. The model has
/// no town-level staff yet, so the town meeting has nobody to remind.
/// </summary>
public abstract class JointMeetingReminder(GovBotDb db, ReminderPusher pusher, TimeProvider time) : IReminder
{
    public const string Venue = "联席会议";
    private const int MaxListed = 20;

    protected abstract string Kind { get; }

    public abstract Task<int> RunAsync(CancellationToken ct);

    protected Task<List<AgendaItem>> AgendaAsync(CancellationToken ct) =>
        db.Reports.AsNoTracking()
            .Where(r => r.DeliberationVenue == Venue && (r.Status == ReportStatus.Reported || r.Status == ReportStatus.Accepted || r.Status == ReportStatus.Deliberating))
            .OrderBy(r => r.Id)
            .Select(r => new AgendaItem(r.CommunityId, r.Community!.Name, r.Community.Town!.CountyId, r.Ticket, r.Category!.Name, r.Description))
            .ToListAsync(ct);

    protected async Task<bool> PushAsync(string scope, string title, IReadOnlyList<AgendaItem> items, IReadOnlyCollection<string> to, CancellationToken ct)
    {
        var month = ChinaTime.Today(time.GetUtcNow());
        var agenda = items.Count == 0
            ? "目前没有提交上会的事项。"
            : $"提交上会的事项{items.Count}件：\n" + string.Join('\n', items.Take(MaxListed).Select(i => $"{i.Ticket} {i.Category}（{i.Community}）：{Short(i.Description)}"))
              + (items.Count > MaxListed ? $"\n……还有{items.Count - MaxListed}件" : "");
        var text = $"【联席会议】{title}该召开了。{agenda}";
        return await pusher.PushAsync(Kind, $"reminder:{Kind}:{scope}:{month:yyyy-MM}", text, to, ct);
    }

    protected GovBotDb Db => db;

    private static string Short(string text) => text.Length <= 30 ? text : text[..30] + "…";

    protected sealed record AgendaItem(int CommunityId, string Community, int CountyId, string Ticket, string Category, string Description);
}

/// <summary>Every two months, per community, to its secretary and staff.</summary>
public sealed class CommunityJointMeetingReminder(GovBotDb db, ReminderPusher pusher, TimeProvider time) : JointMeetingReminder(db, pusher, time)
{
    public const string KindKey = "joint-meeting-community";
    protected override string Kind => KindKey;

    public override async Task<int> RunAsync(CancellationToken ct)
    {
        var agenda = await AgendaAsync(ct);
        var staff = await Db.People.AsNoTracking()
            .Where(p => p.CommunityId != null && (p.Roles & (Roles.Staff | Roles.Secretary)) != 0 && (p.Roles & Roles.CountyAdmin) == 0)
            .Select(p => new { CommunityId = p.CommunityId!.Value, p.WeComUserId, CommunityName = p.Community!.Name })
            .ToListAsync(ct);
        var pushed = 0;
        foreach (var community in staff.GroupBy(s => (s.CommunityId, s.CommunityName)).OrderBy(g => g.Key.CommunityId))
        {
            var items = agenda.Where(a => a.CommunityId == community.Key.CommunityId).ToList();
            if (await PushAsync(community.Key.CommunityId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    $"{community.Key.CommunityName}联席会议", items, community.Select(s => s.WeComUserId).ToList(), ct))
                pushed++;
        }
        return pushed;
    }
}

/// <summary>Quarterly, to the county admins, with every county's agenda in one list.</summary>
public sealed class CountyJointMeetingReminder(GovBotDb db, ReminderPusher pusher, TimeProvider time) : JointMeetingReminder(db, pusher, time)
{
    public const string KindKey = "joint-meeting-county";
    protected override string Kind => KindKey;

    public override async Task<int> RunAsync(CancellationToken ct)
    {
        var admins = await Db.People.AsNoTracking().Where(p => (p.Roles & Roles.CountyAdmin) != 0).Select(p => p.WeComUserId).ToListAsync(ct);
        if (admins.Count == 0) return 0;
        var agenda = await AgendaAsync(ct);
        return await PushAsync("all", "县级联席会议", agenda, admins, ct) ? 1 : 0;
    }
}
