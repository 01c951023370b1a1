using GovBot.Data;
using GovBot.Data.Messaging;
using GovBot.Data.People;
using GovBot.Data.Services;
using GovBot.Host.CheckIns;
using GovBot.Host.Staff;
using GovBot.Skills.Services;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Host.Services;

/// <summary>
/// The staff side of volunteer services over HTTP for staff and secretaries of a community and the county admin
/// (<see cref="StaffAccess.Community"/>, declared on the group); each object is served only within the caller's community:
/// <list type="bullet">
/// <item>GET /api/services/slots — future slots with capacity and places booked.</item>
/// <item>POST /api/services/bookings/{code}/checkin — check a person in by booking code (also 核销 Y1001 in chat).</item>
/// <item>POST /api/services/no-shows — bookings of slots already over that nobody checked in become no-shows.</item>
/// <item>POST /api/services/tasks — create a volunteer task; matching volunteers get a card with 接单 / 婉拒.</item>
/// <item>POST /api/services/tasks/{id}/repush — ask further volunteers (what the reminders job calls after silence).</item>
/// <item>POST /api/services/tasks/{id}/hours with <c>{"attended": ["wecom id"…], "hours": 2}</c> — confirm attendance and hours.</item>
/// </list>
/// </summary>
public static class ServicesApi
{
    public sealed record SlotDto(int Id, string Event, string Place, string Service, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int Capacity, int Booked);

    public sealed record TaskRequest(
        string? Title, string? Place, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int Needed,
        IReadOnlyList<string>? Skills, int? GridId, string? Team, string? Instructions, int? CommunityId);

    public sealed record TaskDto(int Id, string Status, int Needed, int Accepted, IReadOnlyList<string> AskedUsers, IReadOnlyList<string> AcceptedUsers);

    public sealed record HoursRequest(IReadOnlyList<string>? Attended, double Hours);

    public static RouteGroupBuilder MapServicesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/services").RequireAuthorization(StaffAccess.Community);
        group.MapGet("/slots", SlotsAsync);
        group.MapPost("/bookings/{code}/checkin", CheckInAsync);
        group.MapPost("/no-shows", NoShowsAsync);
        group.MapPost("/tasks", CreateTaskAsync);
        group.MapGet("/tasks/{id:int}", TaskAsync);
        group.MapPost("/tasks/{id:int}/repush", RepushAsync);
        group.MapPost("/tasks/{id:int}/hours", HoursAsync);
        return group;
    }

    private static IResult Forbidden() => Results.Problem("只能管理本社区的志愿服务。", statusCode: StatusCodes.Status403Forbidden);

    private static async Task<IResult> SlotsAsync(StaffScope scope, BookingService bookings, CancellationToken ct)
    {
        var staff = scope.Person;
        var slots = await bookings.OpenSlotsAsync(null, null, ct);
        return Results.Ok(slots.Where(s => BookingService.IsStaffOf(staff, s.Item!.Event!.CommunityId))
            .Select(s => new SlotDto(s.Id, s.Item!.Event!.Title, s.Item.Event.Place, s.Item.Name, s.StartsAt, s.EndsAt, s.Capacity, s.Booked)).ToList());
    }

    private static async Task<IResult> CheckInAsync(StaffScope scope, BookingService bookings, string code, CancellationToken ct)
    {
        var staff = scope.Person;
        var (done, text) = await bookings.CheckInAsync(code, staff, ct);
        return done ? Results.Ok(new { message = text }) : Results.Problem(text, statusCode: StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> NoShowsAsync(StaffScope scope, BookingService bookings, CancellationToken ct)
    {
        var staff = scope.Person;
        var count = await bookings.MarkNoShowsAsync(staff.Has(Roles.CountyAdmin) ? null : staff.CommunityId, ct);
        return Results.Ok(new { noShows = count });
    }

    private static async Task<IResult> CreateTaskAsync(HttpContext http, StaffScope scope, GovBotDb db, VolunteerTaskService tasks, TimeProvider time, TaskRequest request, CancellationToken ct)
    {
        var staff = scope.Person;
        var communityId = request.CommunityId ?? staff.CommunityId;
        if (communityId is null) return Results.Problem("请写明社区（communityId）。", statusCode: StatusCodes.Status400BadRequest);
        if (!BookingService.IsStaffOf(staff, communityId)) return Forbidden();
        var (draft, why) = await VolunteerTaskRequests.DraftAsync(db, request, communityId.Value, time, ct);
        if (draft is null) return Results.Problem(why, statusCode: StatusCodes.Status400BadRequest);
        var task = await VolunteerTaskRequests.CreateAsync(http, db, tasks, draft, staff, ct);
        return Results.Created($"/api/services/tasks/{task.Id}", await DtoAsync(db, task.Id, ct));
    }

    private static async Task<IResult> TaskAsync(StaffScope scope, GovBotDb db, int id, CancellationToken ct)
    {
        // Another community's task, with the names of its volunteers, is not there for this caller.
        var communityId = await db.VolunteerTasks.Where(t => t.Id == id).Select(t => (int?)t.CommunityId).FirstOrDefaultAsync(ct);
        if (communityId is null) return Results.NotFound();
        return scope.AllowsCommunity(communityId) ? Results.Ok(await DtoAsync(db, id, ct)) : Forbidden();
    }

    private static async Task<IResult> RepushAsync(HttpContext http, StaffScope scope, GovBotDb db, VolunteerTaskService tasks, int id, CancellationToken ct)
    {
        var staff = scope.Person;
        if (await tasks.FindAsync(id, ct) is not { } task) return Results.NotFound();
        if (!BookingService.IsStaffOf(staff, task.CommunityId)) return Forbidden();
        var asked = await tasks.RepushAsync(id, ct);
        http.RequestServices.GetRequiredService<IOutboxSignal>().Signal();
        return Results.Ok(new { asked = asked.Select(p => p.WeComUserId).ToList() });
    }

    private static async Task<IResult> HoursAsync(HttpContext http, StaffScope scope, GovBotDb db, VolunteerTaskService tasks, int id, HoursRequest request, CancellationToken ct)
    {
        var staff = scope.Person;
        if (await tasks.FindAsync(id, ct) is not { } task) return Results.NotFound();
        if (!VolunteerTaskRequests.MayConfirmHours(staff, task)) return Forbidden();
        if (VolunteerTaskRequests.HoursRefusal(request.Hours) is { } why) return Results.Problem(why, statusCode: StatusCodes.Status400BadRequest);
        var (present, absent) = await VolunteerTaskRequests.ConfirmHoursAsync(http, tasks, task, staff, request.Attended ?? [], request.Hours, ct);
        return Results.Ok(new { recorded = present, absent });
    }

    private static async Task<TaskDto> DtoAsync(GovBotDb db, int id, CancellationToken ct)
    {
        var task = await db.VolunteerTasks.AsNoTracking().Include(t => t.Offers).ThenInclude(o => o.Person).FirstAsync(t => t.Id == id, ct);
        return new TaskDto(task.Id, task.Status.ToString(), task.Needed, task.Accepted,
            task.Offers.OrderBy(o => o.Id).Select(o => o.Person!.WeComUserId).ToList(),
            task.Offers.Where(o => o.Answer == TaskAnswer.Accepted).OrderBy(o => o.AnsweredAt).Select(o => o.Person!.WeComUserId).ToList());
    }
}
