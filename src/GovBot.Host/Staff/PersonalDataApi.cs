using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using GovBot.Data;
using GovBot.Data.People;
using GovBot.Data.Privacy;
using GovBot.Data.Store;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Host.Staff;

/// <summary>
/// A resident's rights under PIPL, exercised through staff: download everything stored about one person (JSON), and
/// erase it (anonymise; see <see cref="PersonalDataEraser"/>). Only a county admin, or the secretary of the person's own
/// community, may do either; the group's filter decides before any handler runs, and every use is audited.
/// </summary>
public static class PersonalDataApi
{
    public const string Prefix = "/staff/api/people";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // Chinese as itself, so the file reads as text for the person it is handed to.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Who asked, about whom; put there by the group's filter.</summary>
    private sealed record Request(Person Actor, Person Subject);

    public static RouteGroupBuilder MapPersonalDataApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Prefix + "/{personId:int}");
        group.AddEndpointFilter(AuthorizeAsync);
        group.MapGet("/export", ExportAsync);
        group.MapPost("/erase", EraseAsync);
        return group;
    }

    /// <summary>County admins for anyone; a community's secretary for the people of that community; nobody else.</summary>
    public static bool MayHandle(StaffScope scope, Person subject) =>
        scope.County || (scope.Person.Has(Roles.Secretary) && subject.CommunityId is { } community && scope.CommunityId == community);

    private static async ValueTask<object?> AuthorizeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var ct = http.RequestAborted;
        // Erasing is not a page form (no antiforgery field to carry), so a signed-in browser must at least not be
        // sending it from another site.
        if (HttpMethods.IsPost(http.Request.Method) && !ActivatorUtilities.CreateInstance<StaffFormGuard>(http.RequestServices).FromThisHost(http.Request))
            return Results.Problem("这个请求不是从社区工作台发出的，已拒绝。", statusCode: StatusCodes.Status403Forbidden);
        var scope = await http.RequestServices.GetRequiredService<StaffCallers>().ScopeAsync(http, ct);
        if (scope is null)
            return StaffCallers.CallerId(http).Length == 0
                ? Results.Problem("请先登录社区工作台。", statusCode: StatusCodes.Status401Unauthorized)
                : Results.Problem("您没有处理居民个人信息的权限。", statusCode: StatusCodes.Status403Forbidden);
        if (!int.TryParse(http.Request.RouteValues["personId"]?.ToString(), out var personId))
            return Results.NotFound();
        var db = http.RequestServices.GetRequiredService<GovBotDb>();
        var subject = await db.People.FirstOrDefaultAsync(p => p.Id == personId, ct);
        // Someone outside the caller's reach gets the same answer whether or not the person exists.
        if (subject is null || !MayHandle(scope, subject))
            return scope.County
                ? Results.Problem("没有这个人。", statusCode: StatusCodes.Status404NotFound)
                : Results.Problem("只有县级管理员或本社区书记可以处理居民的个人信息。", statusCode: StatusCodes.Status403Forbidden);
        http.Items[typeof(Request)] = new Request(scope.Person, subject);
        return await next(context);
    }

    private static Request Of(HttpContext http) => (Request)http.Items[typeof(Request)]!;

    private static async Task<IResult> ExportAsync(HttpContext http, GovBotDb db, TimeProvider time, CancellationToken ct)
    {
        var (actor, subject) = Of(http);
        var id = subject.Id;
        var export = new
        {
            exportedAt = time.GetUtcNow(),
            person = await db.People.AsNoTracking().Where(p => p.Id == id).Select(p => new
            {
                p.Id, p.WeComUserId, p.Name, p.Phone, p.Roles, p.PartyMemberKind,
                Community = p.Community!.Name, Compound = p.Compound!.Name, Building = p.Building!.Name, p.Unit, p.Room,
                p.CreatedAt, p.OnboardedAt,
            }).FirstAsync(ct),
            reports = await db.Reports.AsNoTracking().Where(r => r.ReporterId == id).OrderBy(r => r.Id).Select(r => new
            {
                r.Ticket, Category = r.Category!.Name, r.Description, r.Status, r.PlaceNote, r.LocationLabel, r.ReporterContact,
                r.CreatedAt, r.ClosedAt, r.ResultNote, r.Stars, r.RatingComment, Photos = r.Photos.Count(p => p.Content != null),
            }).ToListAsync(ct),
            followedReports = await db.ReportFollowers.AsNoTracking().Where(f => f.PersonId == id)
                .Select(f => new { f.Report!.Ticket, f.JoinedAt }).ToListAsync(ct),
            bookings = await db.Bookings.AsNoTracking().Where(b => b.PersonId == id).OrderBy(b => b.Id).Select(b => new
            {
                b.Code, Service = b.Slot!.Item!.Name, b.Slot.StartsAt, b.Status, b.CreatedAt, b.CheckedInAt,
            }).ToListAsync(ct),
            checkIns = await db.CheckIns.AsNoTracking().Where(c => c.PersonId == id).OrderBy(c => c.Id).Select(c => new
            {
                c.Name, c.Kind, c.Phone, c.WorkUnitName, c.PartyOrganisationName, c.Unit, c.Room, c.Services, c.Status, c.SubmittedAt,
            }).ToListAsync(ct),
            points = await db.PointEntries.AsNoTracking().Where(e => e.PersonId == id).OrderBy(e => e.Id)
                .Select(e => new { e.Dimension, e.Points, e.Reason, e.At }).ToListAsync(ct),
            wishes = await db.Wishes.AsNoTracking().Where(w => w.ResidentId == id || w.ClaimerId == id).OrderBy(w => w.Id)
                .Select(w => new { w.Description, w.Status, w.PostedAt, Mine = w.ResidentId == id, Claimed = w.ClaimerId == id }).ToListAsync(ct),
            volunteerJoinRequests = await db.VolunteerJoinRequests.AsNoTracking().Where(j => j.PersonId == id)
                .Select(j => new { Team = j.Team!.Name, j.Services, j.Status, j.RequestedAt }).ToListAsync(ct),
            // Only what retention has not dropped yet.
            messages = await db.Inbox.AsNoTracking().Where(m => m.UserId == subject.WeComUserId && m.PayloadXml != "").OrderBy(m => m.Id)
                .Select(m => new { m.ReceivedAt, m.MsgType, m.PayloadXml, m.PassiveReply }).ToListAsync(ct),
        };
        await db.RecordExportAsync(actor, id, time.GetUtcNow(), ct);
        return Results.File(JsonSerializer.SerializeToUtf8Bytes(export, Json), "application/json; charset=utf-8",
            $"personal-data-{id}-{time.GetUtcNow():yyyyMMdd}.json");
    }

    private static async Task<IResult> EraseAsync(HttpContext http, GovBotDb db, StoreWriteGate gate, TimeProvider time, ILoggerFactory logs, CancellationToken ct)
    {
        var (actor, subject) = Of(http);
        if (subject.WeComUserId == PersonalDataEraser.ErasedUserId(subject.Id))
            return Results.Ok(new { erased = true, summary = "此人的个人信息已删除过。" });
        var audit = await db.EraseAsync(gate, subject, actor, time.GetUtcNow(), ct);
        logs.CreateLogger(typeof(PersonalDataApi)).LogInformation(
            "Personal data of person {Subject} erased by {Actor}: {Summary}", subject.Id, actor.WeComUserId, audit.Summary);
        return Results.Ok(new { erased = true, summary = audit.Summary });
    }
}
