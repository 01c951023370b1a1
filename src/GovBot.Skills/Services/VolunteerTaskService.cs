using GovBot.Data;
using GovBot.Data.CheckIns;
using GovBot.Data.People;
using GovBot.Data.Services;
using GovBot.Skills.CheckIns;
using GovBot.Skills.Conversation;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Skills.Services;

/// <summary>What staff (and later the reports skill, for 上门帮扶) ask volunteers to do.</summary>
public sealed record TaskDraft(string Title, string Place, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int Needed, int CommunityId)
{
    public IReadOnlyList<string> Skills { get; init; } = [];
    public int? GridId { get; init; }
    public int? TeamId { get; init; }
    public string? Instructions { get; init; }
}

/// <summary>The answer to a volunteer's tap, to show them.</summary>
public sealed record TaskAnswerOutcome(bool Done, string Text);

/// <summary>
/// Volunteer tasks: a round of template_card pushes (接单 / 婉拒) to matching volunteers, places filled by a
/// conditional UPDATE (<c>Accepted &lt; Needed</c>, so a task never takes more than it needs), a further round when someone
/// declines, every recipient's card greyed once the task is full, and the organiser's confirmation of hours.
/// </summary>
public sealed class VolunteerTaskService(GovBotDb db, TimeProvider time)
{
    public const string SkillName = "vtask";
    public const string CardPrefix = "vtask-";
    /// <summary>The first round asks a few more people than needed, since some will decline or not answer.</summary>
    public const int FirstRoundFactor = 3;

    public Task<VolunteerTask?> FindAsync(int id, CancellationToken ct) =>
        db.VolunteerTasks.Include(t => t.Organiser).Include(t => t.Offers).ThenInclude(o => o.Person).FirstOrDefaultAsync(t => t.Id == id, ct);

    public async Task<VolunteerTask> CreateAsync(TaskDraft draft, Person organiser, CancellationToken ct)
    {
        var task = new VolunteerTask
        {
            Title = draft.Title,
            Place = draft.Place,
            StartsAt = draft.StartsAt,
            EndsAt = draft.EndsAt,
            Needed = draft.Needed,
            Skills = string.Join('|', draft.Skills),
            CommunityId = draft.CommunityId,
            GridId = draft.GridId,
            TeamId = draft.TeamId,
            Instructions = draft.Instructions,
            OrganiserId = organiser.Id,
            Organiser = organiser,
            CreatedAt = time.GetUtcNow(),
        };
        db.VolunteerTasks.Add(task);
        await db.SaveChangesAsync(ct);
        await PushRoundAsync(task, draft.Needed * FirstRoundFactor, ct);
        return task;
    }

    /// <summary>
    /// Pushes the task to further matching volunteers who have not been asked yet, as a new round: used at a decline,
    /// and the hook the reminders job calls when a round met silence. Returns who was asked.
    /// </summary>
    public async Task<IReadOnlyList<Person>> PushRoundAsync(VolunteerTask task, int count, CancellationToken ct)
    {
        if (task.Status != VolunteerTaskStatus.Open || count <= 0) return [];
        var people = (await CandidatesAsync(task, ct)).Take(count).ToList();
        if (people.Count == 0) return [];
        var now = time.GetUtcNow();
        task.Round++;
        foreach (var p in people)
            db.TaskOffers.Add(new TaskOffer { TaskId = task.Id, PersonId = p.Id, Round = task.Round, OfferedAt = now });
        await db.SaveChangesAsync(ct);
        var accepted = await AcceptedCountAsync(task.Id, ct);
        await db.EnqueuePushAsync(new OutboxPush(Card(task, accepted, now), people.Select(p => p.WeComUserId).ToList())
            { SourceKey = $"vtask:{task.Id}:round:{task.Round}" }, now, ct);
        await db.SaveChangesAsync(ct);
        return people;
    }

    /// <summary>The silence hook for the reminders job: asks as many further volunteers as places are still open.</summary>
    public async Task<IReadOnlyList<Person>> RepushAsync(int taskId, CancellationToken ct)
    {
        if (await FindAsync(taskId, ct) is not { } task) return [];
        return await PushRoundAsync(task, task.Needed - await AcceptedCountAsync(taskId, ct), ct);
    }

    /// <summary>
    /// Matching volunteers not yet asked, in a fixed order: members of the task's team, then members checked in at the
    /// task's community (in its grid when it has one) who offered one of the wanted services, then members of the
    /// community's teams who offered one when they joined (living in the grid, when the task has one).
    /// </summary>
    private async Task<List<Person>> CandidatesAsync(VolunteerTask task, CancellationToken ct)
    {
        var asked = await db.TaskOffers.Where(o => o.TaskId == task.Id).Select(o => o.PersonId).ToListAsync(ct);
        var team = task.TeamId is { } teamId
            ? await db.VolunteerTeamMembers.Where(m => m.VolunteerTeamId == teamId).OrderBy(m => m.PersonId).Select(m => m.Person!).ToListAsync(ct)
            : [];
        var checkIns = await db.CheckIns.Include(c => c.Person).Include(c => c.Building!).ThenInclude(b => b.MicroGrid)
            .Where(c => c.CommunityId == task.CommunityId && c.Status == CheckInStatus.Approved)
            .OrderBy(c => c.PersonId).ToListAsync(ct);
        var skills = task.SkillList.ToHashSet();
        var byService = checkIns
            .Where(c => skills.Count == 0 ? task.TeamId is null : c.ServiceList.Any(skills.Contains))
            .Where(c => task.GridId is null || c.Building?.MicroGrid?.GridId == task.GridId)
            .Select(c => c.Person!);
        var joined = skills.Count == 0 ? [] : await db.VolunteerTeamMembers
            .Include(m => m.Person!).ThenInclude(p => p.Building!).ThenInclude(b => b.MicroGrid)
            .Where(m => m.Team!.CommunityId == task.CommunityId && m.Services != "")
            .OrderBy(m => m.PersonId).ThenBy(m => m.VolunteerTeamId).ToListAsync(ct);
        var byTeamService = joined
            .Where(m => m.ServiceList.Any(skills.Contains))
            .Where(m => task.GridId is null || m.Person!.Building?.MicroGrid?.GridId == task.GridId)
            .Select(m => m.Person!);
        return team.Concat(byService).Concat(byTeamService)
            .Where(p => p.Id != task.OrganiserId && !asked.Contains(p.Id) && CheckInService.Reachable(p))
            .DistinctBy(p => p.Id).ToList();
    }

    public async Task<TaskAnswerOutcome> AcceptAsync(VolunteerTask task, Person volunteer, string? responseCode, CancellationToken ct)
    {
        var offer = task.Offers.FirstOrDefault(o => o.PersonId == volunteer.Id);
        if (offer is null) return new(false, "这个任务没有派给您，谢谢您的热心。");
        if (task.Status == VolunteerTaskStatus.Cancelled) return new(false, "这个任务已经取消了，谢谢您的热心。");
        if (offer.Answer == TaskAnswer.Accepted) return new(false, $"您已经接了这个任务。{NextSteps(task)}");
        var now = time.GetUtcNow();
        if (task.Status != VolunteerTaskStatus.Open || !await TakePlaceAsync(task.Id, ct))
        {
            offer.ResponseCode ??= responseCode;
            await db.SaveChangesAsync(ct);
            return new(false, "谢谢您！这个任务刚刚满员了，下次有任务再请您帮忙。");
        }
        offer.Answer = TaskAnswer.Accepted;
        offer.AnsweredAt = now;
        offer.ResponseCode = responseCode;
        await db.SaveChangesAsync(ct);

        var accepted = await AcceptedCountAsync(task.Id, ct);
        if (accepted >= task.Needed) await CloseAsync(task, now, ct);
        return new(true, $"接单成功，谢谢您！\n{task.Title}\n时间：{ServiceWording.When(task, now)}\n地点：{task.Place}\n{NextSteps(task)}");
    }

    public async Task<TaskAnswerOutcome> DeclineAsync(VolunteerTask task, Person volunteer, string? responseCode, CancellationToken ct)
    {
        var offer = task.Offers.FirstOrDefault(o => o.PersonId == volunteer.Id);
        if (offer is null) return new(false, "这个任务没有派给您。");
        if (task.Status == VolunteerTaskStatus.Cancelled) return new(false, "这个任务已经取消了，不用再回复，谢谢您。");
        if (offer.Answer == TaskAnswer.Accepted) return new(false, "您已经接了这个任务；去不了的话请直接联系组织人。" + Contact(task));
        if (offer.Answer == TaskAnswer.Declined) return new(false, "已经记下您这次不方便了。");
        offer.Answer = TaskAnswer.Declined;
        offer.AnsweredAt = time.GetUtcNow();
        offer.ResponseCode = responseCode;
        await db.SaveChangesAsync(ct);
        // Whoever declines leaves a gap: the next matching volunteer is asked at once.
        await PushRoundAsync(task, 1, ct);
        return new(true, "好的，谢谢您，这次我们请其他志愿者。");
    }

    /// <summary>
    /// The task is full: every copy of its cards turns grey with 已满员. WeCom updates a card only with a response_code
    /// from a tap on that very push (atall then covers all its recipients, once), so each round uses one unused tap
    /// code; the recipients of a round nobody tapped get a short text instead.
    /// </summary>
    private async Task CloseAsync(VolunteerTask task, DateTimeOffset now, CancellationToken ct)
    {
        task.Status = VolunteerTaskStatus.Full;
        var names = task.Offers.Where(o => o.Answer == TaskAnswer.Accepted).Select(o => o.Person?.Name).OfType<string>().ToList();
        foreach (var round in task.Offers.GroupBy(o => o.Round))
        {
            var withCode = round.FirstOrDefault(o => o.ResponseCode is not null && !o.ResponseCodeUsed);
            if (withCode is not null)
            {
                withCode.ResponseCodeUsed = true;
                await db.EnqueuePushAsync(new OutboxPush(new CardUpdate($"{CardPrefix}{task.Id}-{round.Key}", $"已满员（{task.Needed}人）", withCode.ResponseCode!), [])
                    { SourceKey = $"vtask:{task.Id}:round:{round.Key}:full" }, now, ct);
                continue;
            }
            var waiting = round.Where(o => o.Answer == TaskAnswer.None).Select(o => o.Person!.WeComUserId).ToList();
            if (waiting.Count > 0)
                await db.EnqueuePushAsync(new OutboxPush(new TextPart($"「{task.Title}」已经满员了，不用再接单，谢谢您。"), waiting)
                    { SourceKey = $"vtask:{task.Id}:round:{round.Key}:full-text" }, now, ct);
        }
        if (task.Organiser is { } organiser)
            await db.EnqueuePushAsync(new OutboxPush(new TextPart($"志愿任务「{task.Title}」已满员：{string.Join("、", names)}。"), [organiser.WeComUserId])
                { SourceKey = $"vtask:{task.Id}:full-organiser" }, now, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The organiser confirms who came and for how long. Each row is written once per volunteer and task
    /// (<see cref="VolunteerHours.SourceKind"/> + SourceId), which the points ledger reads to award points once.
    /// </summary>
    public async Task<IReadOnlyList<VolunteerHours>> ConfirmHoursAsync(VolunteerTask task, Person organiser, IReadOnlyCollection<int> attendedIds, int minutes, CancellationToken ct)
    {
        // A task called off earns nobody hours, and so no points: the ledger awards points only from these rows.
        if (task.Status == VolunteerTaskStatus.Cancelled) return [];
        var now = time.GetUtcNow();
        var existing = await db.VolunteerHours.Where(h => h.SourceKind == VolunteerHours.TaskSource && h.SourceId == task.Id)
            .Select(h => h.PersonId).ToListAsync(ct);
        var rows = new List<VolunteerHours>();
        foreach (var offer in task.Offers.Where(o => o.Answer == TaskAnswer.Accepted && !existing.Contains(o.PersonId)))
        {
            var came = attendedIds.Contains(offer.PersonId);
            var row = new VolunteerHours
            {
                PersonId = offer.PersonId,
                SourceKind = VolunteerHours.TaskSource,
                SourceId = task.Id,
                Attended = came,
                Minutes = came ? minutes : 0,
                ConfirmedAt = now,
                ConfirmedById = organiser.Id,
            };
            db.VolunteerHours.Add(row);
            rows.Add(row);
            if (came && offer.Person is { } p && CheckInService.Reachable(p))
                await db.EnqueuePushAsync(new OutboxPush(new TextPart($"感谢您参加「{task.Title}」！志愿服务时长{minutes / 60.0:0.#}小时已经记上了。"), [p.WeComUserId])
                    { SourceKey = $"vtask:{task.Id}:hours:{p.Id}" }, now, ct);
        }
        task.Status = VolunteerTaskStatus.Done;
        await db.SaveChangesAsync(ct);
        return rows;
    }

    private Task<int> AcceptedCountAsync(int taskId, CancellationToken ct) =>
        db.VolunteerTasks.AsNoTracking().Where(t => t.Id == taskId).Select(t => t.Accepted).FirstAsync(ct);

    private async Task<bool> TakePlaceAsync(int taskId, CancellationToken ct)
    {
        db.EnsureWritable();
        return await db.VolunteerTasks.Where(t => t.Id == taskId && t.Accepted < t.Needed && t.Status == VolunteerTaskStatus.Open)
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.Accepted, t => t.Accepted + 1), ct) == 1;
    }

    private static string NextSteps(VolunteerTask task) =>
        (task.Instructions is { Length: > 0 } i ? i + "\n" : "") + "请提前10分钟到场" + Contact(task) + "。";

    private static string Contact(VolunteerTask task) =>
        task.Organiser is { } o ? $"，有事联系{o.Name}" + (o.Phone is { } phone ? $" {phone}" : "") : "";

    public static CardPart Card(VolunteerTask task, int accepted, DateTimeOffset now) => new(
        $"志愿任务：{task.Title}",
        $"时间：{ServiceWording.When(task, now)}\n地点：{task.Place}\n需要{task.Needed}人，已有{accepted}人接单"
            + (task.SkillList.Any() ? $"\n需要：{string.Join("、", task.SkillList)}" : ""),
        [new CardButton($"{SkillName}:accept:{task.Id}", "接单", Primary: true), new CardButton($"{SkillName}:decline:{task.Id}", "婉拒")],
        $"{CardPrefix}{task.Id}-{task.Round}");
}
