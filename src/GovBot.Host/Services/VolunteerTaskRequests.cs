using GovBot.Data;
using GovBot.Data.Messaging;
using GovBot.Data.People;
using GovBot.Data.Services;
using GovBot.Skills.Services;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Host.Services;

/// <summary>
/// What POST /api/services/tasks and the staff page's forms share, so the two can never disagree: the checks of a new
/// task, its creation (the card push to matching volunteers, then the outbox woken so the cards leave at once), who may
/// confirm hours, and the confirmation itself.
/// </summary>
public static class VolunteerTaskRequests
{
    public const int MaxTitle = 40, MaxPlace = 60, MaxInstructions = 200, MaxNeeded = 100;

    /// <summary>The task to create in <paramref name="communityId"/>, or why not, in staff's words.</summary>
    public static async Task<(TaskDraft? Draft, string? Refusal)> DraftAsync(
        GovBotDb db, ServicesApi.TaskRequest request, int communityId, TimeProvider time, CancellationToken ct)
    {
        static (TaskDraft?, string?) No(string why) => (null, why);
        var title = request.Title?.Trim() ?? "";
        var place = request.Place?.Trim() ?? "";
        var instructions = request.Instructions?.Trim() is { Length: > 0 } i ? i : null;
        if (title.Length == 0 || place.Length == 0 || request.Needed < 1 || request.EndsAt <= request.StartsAt)
            return No("任务要写明标题、地点、起止时间，需要人数至少1人。");
        if (title.Length > MaxTitle) return No($"标题最多{MaxTitle}个字。");
        if (place.Length > MaxPlace) return No($"地点最多{MaxPlace}个字。");
        if (instructions?.Length > MaxInstructions) return No($"注意事项最多{MaxInstructions}个字。");
        if (request.Needed > MaxNeeded) return No($"一个任务最多招{MaxNeeded}人。");
        // A card for work already under way reaches nobody in time.
        if (request.StartsAt <= time.GetUtcNow()) return No("开始时间已经过了。");

        if (!await db.Communities.AnyAsync(c => c.Id == communityId, ct)) return No("没有这个社区。");

        var skills = (request.Skills ?? []).Select(s => s.Trim()).Where(s => s.Length > 0).Distinct().ToList();
        var known = await db.VolunteerServiceKinds.Where(k => skills.Contains(k.Name)).Select(k => k.Name).ToListAsync(ct);
        if (skills.FirstOrDefault(s => !known.Contains(s)) is { } unknown) return No($"没有「{unknown}」这项志愿服务。");
        if (request.GridId is { } grid && !await db.Grids.AnyAsync(g => g.Id == grid && g.CommunityId == communityId, ct))
            return No("这个网格不在任务所在的社区。");
        int? teamId = null;
        if (!string.IsNullOrWhiteSpace(request.Team))
        {
            var team = await db.VolunteerTeams.Where(t => t.Name == request.Team.Trim()).Select(t => new { t.Id, t.CommunityId }).FirstOrDefaultAsync(ct);
            if (team is null) return No($"没有叫「{request.Team}」的志愿服务队。");
            // Cards go to the team's members: staff of one community do not call on another community's team.
            if (team.CommunityId is { } own && own != communityId) return No($"「{request.Team}」不是这个社区的志愿服务队。");
            teamId = team.Id;
        }
        return (new TaskDraft(title, place, request.StartsAt, request.EndsAt, request.Needed, communityId)
        {
            Skills = skills,
            GridId = request.GridId,
            TeamId = teamId,
            Instructions = instructions,
        }, null);
    }

    /// <summary>Creates the task and its first round of cards in one transaction, then wakes the outbox.</summary>
    public static async Task<VolunteerTask> CreateAsync(
        HttpContext http, GovBotDb db, VolunteerTaskService tasks, TaskDraft draft, Person organiser, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var task = await tasks.CreateAsync(draft, organiser, ct);
        await tx.CommitAsync(ct);
        http.RequestServices.GetRequiredService<IOutboxSignal>().Signal();
        return task;
    }

    /// <summary>Staff of the task's community, a county admin, or whoever organised it.</summary>
    public static bool MayConfirmHours(Person staff, VolunteerTask task) =>
        BookingService.IsStaffOf(staff, task.CommunityId) || task.OrganiserId == staff.Id;

    public static string? HoursRefusal(double hours) =>
        double.IsNaN(hours) || hours is <= 0 or > 24 ? "时长要在0到24小时之间。" : null;

    /// <summary>
    /// Records who of those who accepted came (by WeCom user id) and for how long; those who came are thanked by push.
    /// Returns how many were recorded as present and as absent.
    /// </summary>
    public static async Task<(int Present, int Absent)> ConfirmHoursAsync(
        HttpContext http, VolunteerTaskService tasks, VolunteerTask task, Person staff, IReadOnlyCollection<string> attendedUsers, double hours, CancellationToken ct)
    {
        var attended = task.Offers.Where(o => attendedUsers.Contains(o.Person!.WeComUserId)).Select(o => o.PersonId).ToList();
        var rows = await tasks.ConfirmHoursAsync(task, staff, attended, (int)Math.Round(hours * 60), ct);
        http.RequestServices.GetRequiredService<IOutboxSignal>().Signal();
        return (rows.Count(r => r.Attended), rows.Count(r => !r.Attended));
    }
}
