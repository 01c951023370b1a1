using GovBot.Host.Staff;
using GovBot.Skills.Reminders;
using Quartz;

namespace GovBot.Host.Reminders;

/// <summary>
/// Staff view of the reminders, until the staff pages arrive:
/// <list type="bullet">
/// <item>GET /api/reminders — every kind with its schedule, whether it is paused, and its next fire time (China time).</item>
/// <item>POST /api/reminders/{kind}/pause and /resume — stops or restarts a kind everywhere (the pause is stored, so it
/// holds across restarts and for every host sharing the database); a firing missed while paused is not made up.</item>
/// </list>
/// Read by a county admin or a community secretary (<see cref="StaffAccess.Secretary"/>); paused and resumed by the county admin only.
/// </summary>
public static class RemindersApi
{
    public sealed record ReminderDto(string Kind, string Name, string Schedule, bool Paused, DateTimeOffset? NextFireAt, DateTimeOffset? PreviousFireAt);

    public static RouteGroupBuilder MapRemindersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/reminders").RequireAuthorization(StaffAccess.Secretary);
        group.MapGet("/", ListAsync);
        // A pause stops a kind in every community, so only the county decides it.
        var county = group.MapGroup("").RequireAuthorization(StaffAccess.County);
        county.MapPost("/{kind}/pause", (ISchedulerFactory factory, ReminderKinds kinds, string kind, CancellationToken ct) =>
            SetPausedAsync(factory, kinds, kind, paused: true, ct));
        county.MapPost("/{kind}/resume", (ISchedulerFactory factory, ReminderKinds kinds, string kind, CancellationToken ct) =>
            SetPausedAsync(factory, kinds, kind, paused: false, ct));
        return group;
    }

    private static async Task<IResult> ListAsync(ISchedulerFactory factory, ReminderKinds kinds, CancellationToken ct)
    {
        var scheduler = await factory.GetScheduler(ct);
        var list = new List<ReminderDto>();
        foreach (var kind in kinds.All) list.Add(await DescribeAsync(scheduler, kind, ct));
        return Results.Ok(list);
    }

    private static async Task<IResult> SetPausedAsync(ISchedulerFactory factory, ReminderKinds kinds, string kind, bool paused, CancellationToken ct)
    {
        if (kinds.Find(kind) is not { } found) return Results.Problem("没有这种提醒。", statusCode: StatusCodes.Status404NotFound);
        var scheduler = await factory.GetScheduler(ct);
        return Results.Ok(await PauseAsync(scheduler, found, paused, ct));
    }

    /// <summary>Pauses or resumes a kind everywhere; shared with the staff pages.</summary>
    internal static async Task<ReminderDto> PauseAsync(IScheduler scheduler, ReminderKind kind, bool paused, CancellationToken ct)
    {
        var job = new JobKey(kind.Key, ReminderScheduleSetup.Group);
        if (paused) await scheduler.PauseJob(job, ct);
        else await scheduler.ResumeJob(job, ct);
        return await DescribeAsync(scheduler, kind, ct);
    }

    internal static async Task<ReminderDto> DescribeAsync(IScheduler scheduler, ReminderKind kind, CancellationToken ct)
    {
        var key = ReminderScheduleSetup.TriggerKeyOf(kind.Key);
        var trigger = await scheduler.GetTrigger(key, ct);
        var state = trigger is null ? TriggerState.None : await scheduler.GetTriggerState(key, ct);
        return new ReminderDto(kind.Key, kind.Name, trigger?.Description ?? kind.DefaultSchedule.Signature, state == TriggerState.Paused,
            Local(trigger?.NextFireTimeUtc), Local(trigger?.PreviousFireTimeUtc));
    }

    private static DateTimeOffset? Local(DateTimeOffset? instant) => instant is { } i ? ChinaTime.ToLocal(i) : null;
}
