using GovBot.Data;
using GovBot.Data.People;
using GovBot.Data.Reports;
using GovBot.Data.Services;
using GovBot.Skills.Conversation;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Host.StaffDirectory;

/// <summary>
/// Hands a leaver's open work to their community's secretary: reports they had accepted (and the unaccepted ones of
/// a grid they leave without any worker), volunteer tasks they organise that have not ended, and micro-grids they
/// led. Each report gets an event in its history that says who took it over; the secretary gets one short notice.
/// With no secretary in the community, the community's staff take the reports over instead.
/// </summary>
public sealed class DirectorySyncHandover(GovBotDb db, DateTimeOffset now)
{
    public async Task<int> HandOverAsync(Leaver leaver, CancellationToken ct)
    {
        var person = leaver.Person;
        var tickets = new List<string>();
        var taken = new Dictionary<int, List<Person>>();

        var assigned = await db.Reports.Include(r => r.Community)
            .Where(r => r.AssigneeId == person.Id
                && (r.Status == ReportStatus.Reported || r.Status == ReportStatus.Accepted || r.Status == ReportStatus.Deliberating))
            .ToListAsync(ct);
        var emptyGrids = new List<int>();
        foreach (var g in leaver.FormerGrids)
            if (!await db.GridWorkers.AnyAsync(w => w.GridId == g, ct)) emptyGrids.Add(g);
        var waiting = await db.Reports.Include(r => r.Community)
            .Where(r => r.AssigneeId == null && r.Status == ReportStatus.Reported && r.GridId != null && emptyGrids.Contains(r.GridId.Value)
                && r.HandedTo != HandoverTarget.Community && r.HandedTo != HandoverTarget.PropertyManager)
            .ToListAsync(ct);

        foreach (var report in assigned.Concat(waiting))
        {
            var to = await ReceiversAsync(report.CommunityId, taken, ct);
            if (to.FirstOrDefault(p => p.Has(Roles.Secretary)) is { } secretary && report.AssigneeId is not null)
            {
                report.AssigneeId = secretary.Id;
                report.Assignee = secretary;
                Event(report, report.Status, "转交社区书记", $"{person.Name}已离岗，由书记{secretary.Name}接手");
            }
            else
            {
                // Nobody to assign: back to 已上报 for the community, whose staff accept it as they would any report.
                Event(report, ReportStatus.Reported, "转交社区", $"{person.Name}已离岗，由社区接手");
                report.AssigneeId = null;
                report.Assignee = null;
                report.HandedTo = HandoverTarget.Community;
                report.HandedToName = report.Community?.Name;
                report.AcceptedAt = null;
                report.AcceptEscalatedAt = null;
                report.HandleEscalatedAt = null;
            }
            tickets.Add(report.Ticket);
        }

        var tasks = await db.VolunteerTasks
            .Where(t => t.OrganiserId == person.Id && (t.Status == VolunteerTaskStatus.Open || t.Status == VolunteerTaskStatus.Full))
            .ToListAsync(ct);
        var taskNames = new List<string>();
        foreach (var task in tasks.Where(t => t.EndsAt > now))
            if ((await ReceiversAsync(task.CommunityId, taken, ct)).FirstOrDefault(p => p.Has(Roles.Secretary)) is { } secretary)
            {
                task.OrganiserId = secretary.Id;
                taskNames.Add(task.Title);
            }
        await db.MicroGrids.Where(m => m.LeadPersonId == person.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.LeadPersonId, (int?)null), ct);

        var handed = tickets.Count + taskNames.Count;
        var community = leaver.FormerCommunity ?? assigned.Concat(waiting).Select(r => (int?)r.CommunityId).FirstOrDefault();
        if (handed > 0 && community is { } c && (await ReceiversAsync(c, taken, ct)) is { Count: > 0 } receivers)
        {
            var parts = new List<string>();
            if (tickets.Count > 0) parts.Add($"说事 {string.Join("、", tickets)}");
            if (taskNames.Count > 0) parts.Add($"志愿任务「{string.Join("」「", taskNames)}」");
            var text = $"{person.Name}已不在企业微信通讯录里，经手的{string.Join("，", parts)}已转给您，请到社区工作台跟进。";
            var secretaries = receivers.Where(p => p.Has(Roles.Secretary)).ToList();
            await db.EnqueuePushAsync(new OutboxPush(new TextPart(text), (secretaries.Count > 0 ? secretaries : receivers).Select(p => p.WeComUserId).ToList())
            {
                SourceKey = $"directory:handover:{person.Id}:{now.UtcTicks}",
            }, now, ct);
        }
        return handed;
    }

    /// <summary>The community's secretaries, or its staff when it has none; never someone who left.</summary>
    private async Task<List<Person>> ReceiversAsync(int communityId, Dictionary<int, List<Person>> known, CancellationToken ct)
    {
        if (known.TryGetValue(communityId, out var found)) return found;
        var staff = await db.People
            .Where(p => p.CommunityId == communityId && p.LeftAt == null && (p.Roles & (Roles.Staff | Roles.Secretary)) != 0)
            .OrderBy(p => p.Id).ToListAsync(ct);
        var secretaries = staff.Where(p => p.Has(Roles.Secretary)).ToList();
        return known[communityId] = secretaries.Count > 0 ? secretaries : staff;
    }

    private void Event(Report report, ReportStatus to, string action, string note)
    {
        report.Events.Add(new ReportEvent { ReportId = report.Id, From = report.Status, To = to, Action = action, Note = note, At = now });
        report.Status = to;
        report.UpdatedAt = now;
    }
}
