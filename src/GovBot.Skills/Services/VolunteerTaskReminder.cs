using GovBot.Data;
using GovBot.Data.Services;
using GovBot.Skills.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovBot.Skills.Services;

/// <summary>
/// Volunteer tasks that still need people: when a round met silence for <see cref="ReminderOptions.TaskRoundSilence"/>
/// and the task starts within <see cref="ReminderOptions.TaskRepushWithin"/>, further volunteers are asked. Volunteers
/// who accepted hear two hours before it starts, once each.
/// </summary>
public sealed class VolunteerTaskReminder(
    GovBotDb db, VolunteerTaskService tasks, ReminderPusher pusher, TimeProvider time, IOptions<ReminderOptions> options) : IReminder
{
    public const string Kind = "volunteer-task";
    private static readonly TimeSpan BeforeStart = TimeSpan.FromHours(2);

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var o = options.Value;
        var silentSince = now - o.TaskRoundSilence;
        var repushBefore = now + o.TaskRepushWithin;
        var silent = await db.VolunteerTasks.AsNoTracking()
            .Where(t => t.Status == VolunteerTaskStatus.Open && t.StartsAt > now && t.StartsAt <= repushBefore
                && t.Offers.Any() && t.Offers.Max(x => x.OfferedAt) <= silentSince)
            .OrderBy(t => t.Id).Select(t => t.Id).ToListAsync(ct);
        var pushed = 0;
        foreach (var id in silent)
            if ((await tasks.RepushAsync(id, ct)).Count > 0) pushed++;

        var soon = now + BeforeStart;
        var coming = await db.TaskOffers.AsNoTracking()
            .Where(x => x.Answer == TaskAnswer.Accepted && x.Task!.StartsAt > now && x.Task.StartsAt <= soon
                && x.Task.Status != VolunteerTaskStatus.Cancelled)
            .OrderBy(x => x.Id)
            .Select(x => new { x.TaskId, x.PersonId, Task = x.Task!, x.Person!.WeComUserId })
            .ToListAsync(ct);
        foreach (var c in coming)
        {
            var text = $"提醒：您接的志愿任务「{c.Task.Title}」{ServiceWording.When(c.Task, now)}开始，地点{c.Task.Place}。"
                + (c.Task.Instructions is { Length: > 0 } i ? i : "辛苦了！");
            if (await pusher.PushAsync(Kind, $"reminder:{Kind}:{c.TaskId}:{c.PersonId}", text, [c.WeComUserId], ct)) pushed++;
        }
        return pushed;
    }
}
