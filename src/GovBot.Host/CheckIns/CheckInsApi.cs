using System.Text;
using GovBot.Data;
using GovBot.Data.CheckIns;
using GovBot.Data.People;
using GovBot.Host.Staff;
using GovBot.Host.Staff.Exports;
using GovBot.Skills.CheckIns;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Host.CheckIns;

/// <summary>
/// The staff side of 双报到 over HTTP, until the staff pages arrive:
/// <list type="bullet">
/// <item>GET /api/checkins — JSON list; filters status (pending/approved/returned/closed or 待审核/已通过/已退回/已关闭),
/// kind (inService/retired/mobile or 在职/退休/流动), unitId, unit (part of the unit name). Phones are masked.</item>
/// <item>GET /api/checkins/export.csv and export.xlsx — the same list as CSV (UTF-8 with BOM) or Excel, Chinese headers, full phones.</item>
/// <item>GET /api/checkins/counts — open check-ins per kind and status.</item>
/// <item>POST /api/checkins/import[?dryRun=true] — a roster CSV in the export's columns; the report lists the rows that do not fit.</item>
/// <item>POST /api/checkins/{id}/approve and POST /api/checkins/{id}/return with <c>{"reason": "…"}</c> — the card's 通过/退回,
/// for check-ins that came without a card (imported as 待审核).</item>
/// <item>GET /api/workunits — registered work units and the compounds each is paired with.</item>
/// </list>
/// The caller is the person signed in to the staff pages or, while Staff:AllowStaffHeader is on, the one named in
/// the header <c>X-GovBot-Staff: &lt;WeCom user id&gt;</c> (see <see cref="Staff.StaffCallers"/>): a person with the
/// Staff or Secretary role (who sees their own community) or CountyAdmin (who sees all, or one with
/// <c>?communityId=</c>). The header is not a secret: turn it off where the host is reachable from outside.
/// </summary>
public static class CheckInsApi
{
    public const string StaffHeader = "X-GovBot-Staff";
    public const string CsvContentType = "text/csv; charset=utf-8";
    private const int MaxImportBytes = 2 * 1024 * 1024;

    public sealed record CheckInDto(
        int Id, string Name, string Kind, string KindName, string Status, string StatusName, string? WorkUnit, string? PartyOrganisation,
        string? Community, string? Compound, string? Building, string? Unit, string? Room, string Phone, IReadOnlyList<string> Services,
        DateTimeOffset SubmittedAt, DateTimeOffset? ReviewedAt, string? ReviewedBy, string? ReturnReason, DateTimeOffset? ClosedAt,
        string? CompoundBranch, string? GridGroup);

    public sealed record ReturnRequest(string? Reason);

    public sealed record CountDto(string Kind, string KindName, int Pending, int Approved, int Returned, int Total);

    public sealed record PairingDto(int CompoundId, string Compound, string Community, DateTimeOffset PairedAt);

    public sealed record WorkUnitDto(int Id, string Name, string PartyOrganisation, string? ContactName, string? ContactPhone,
        IReadOnlyList<PairingDto> Pairings, int CheckedInMembers);

    public static RouteGroupBuilder MapCheckInsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/checkins").RequireAuthorization(StaffAccess.Community);
        group.MapGet("/", ListAsync);
        group.MapGet("/export." + StaffExport.Format, ExportAsync);
        group.MapGet("/counts", CountsAsync);
        group.MapPost("/import", ImportAsync);
        group.MapPost("/{id:int}/approve", ApproveAsync);
        group.MapPost("/{id:int}/return", ReturnAsync);
        app.MapGet("/api/workunits", WorkUnitsAsync).RequireAuthorization(StaffAccess.Community);
        return group;
    }

    /// <summary>The caller and the community they may see (null: all, for a county admin without a filter).</summary>
    private sealed record Caller(Person Person, int? CommunityId);

    /// <summary>
    /// Who the caller is was settled by the group's <see cref="StaffAccess.Community"/> policy; what is left here is
    /// which community they may name.
    /// </summary>
    private static Task<(Caller? Caller, IResult? Refusal)> AuthorizeAsync(HttpContext http, GovBotDb db, int? communityId, CancellationToken ct)
    {
        (Caller?, IResult?) answer = StaffAccess.ScopeOf(http) switch
        {
            null => (null, Results.Problem("只有社区工作人员可以查看报到名单。", statusCode: StatusCodes.Status403Forbidden)),
            { County: true } scope => (new Caller(scope.Person, communityId), null),
            { } scope when communityId is not null && communityId != scope.CommunityId =>
                (null, Results.Problem("只能查看本社区的报到。", statusCode: StatusCodes.Status403Forbidden)),
            { } scope => (new Caller(scope.Person, scope.CommunityId), null),
        };
        return Task.FromResult(answer);
    }

    private static async Task<IResult> ListAsync(
        HttpContext http, GovBotDb db, CheckInRoster roster, int? communityId, string? status, string? kind, int? unitId, string? unit, CancellationToken ct)
    {
        var (caller, refusal) = await AuthorizeAsync(http, db, communityId, ct);
        if (caller is null) return refusal!;
        if (Filter(caller, status, kind, unitId, unit) is not { } filter) return BadFilter();
        var rows = await roster.ListAsync(filter, ct);
        return Results.Ok(rows.Select(ToDto).ToList());
    }

    private static async Task<IResult> ExportAsync(
        HttpContext http, GovBotDb db, CheckInRoster roster, TimeProvider time, string format, int? communityId, string? status, string? kind, int? unitId, string? unit, CancellationToken ct)
    {
        var (caller, refusal) = await AuthorizeAsync(http, db, communityId, ct);
        if (caller is null) return refusal!;
        if (Filter(caller, status, kind, unitId, unit) is not { } filter) return BadFilter();
        var rows = await roster.ListAsync(filter, ct);
        return StaffExport.File(CheckInRoster.ToSheet(rows), "checkins", format, time);
    }

    private static async Task<IResult> CountsAsync(HttpContext http, GovBotDb db, CheckInRoster roster, int? communityId, CancellationToken ct)
    {
        var (caller, refusal) = await AuthorizeAsync(http, db, communityId, ct);
        if (caller is null) return refusal!;
        var counts = await roster.CountsAsync(caller.CommunityId, ct);
        return Results.Ok(CheckInWording.Kinds.Select(k =>
        {
            int Of(CheckInStatus s) => counts.Where(c => c.Kind == k.Kind && c.Status == s).Sum(c => c.Count);
            return new CountDto(Camel(k.Kind), k.Name, Of(CheckInStatus.Pending), Of(CheckInStatus.Approved), Of(CheckInStatus.Returned),
                Of(CheckInStatus.Pending) + Of(CheckInStatus.Approved) + Of(CheckInStatus.Returned));
        }).ToList());
    }

    private static async Task<IResult> ImportAsync(HttpContext http, GovBotDb db, CheckInRoster roster, int? communityId, bool? dryRun, CancellationToken ct)
    {
        var (caller, refusal) = await AuthorizeAsync(http, db, communityId, ct);
        if (caller is null) return refusal!;
        if (http.Request.ContentLength > MaxImportBytes)
            return Results.Problem("文件太大，一次最多 2 MB。", statusCode: StatusCodes.Status413PayloadTooLarge);
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var buffer = new char[MaxImportBytes + 1];
        var read = await reader.ReadBlockAsync(buffer, ct);
        if (read > MaxImportBytes) return Results.Problem("文件太大，一次最多 2 MB。", statusCode: StatusCodes.Status413PayloadTooLarge);
        var report = await roster.ImportAsync(new string(buffer, 0, read), caller.CommunityId, dryRun ?? false, caller.Person, ct);
        return Results.Ok(report);
    }

    private static async Task<IResult> ApproveAsync(HttpContext http, GovBotDb db, CheckInService checkIns, int id, CancellationToken ct)
    {
        var (caller, refusal) = await AuthorizeAsync(http, db, null, ct);
        if (caller is null) return refusal!;
        if (await checkIns.FindAsync(id, ct) is not { } checkIn) return Results.NotFound();
        if (!CheckInService.CanReview(checkIn, caller.Person)) return NotYours();
        return await ReviewedAsync(db, checkIns, checkIn, await checkIns.ApproveAsync(checkIn, caller.Person, null, ct), ct);
    }

    private static async Task<IResult> ReturnAsync(HttpContext http, GovBotDb db, CheckInService checkIns, int id, ReturnRequest request, CancellationToken ct)
    {
        var (caller, refusal) = await AuthorizeAsync(http, db, null, ct);
        if (caller is null) return refusal!;
        if (request.Reason is not { Length: >= 2 } reason)
            return Results.Problem("退回要写明原因（reason），会告诉本人。", statusCode: StatusCodes.Status400BadRequest);
        if (await checkIns.FindAsync(id, ct) is not { } checkIn) return Results.NotFound();
        if (!CheckInService.CanReview(checkIn, caller.Person)) return NotYours();
        return await ReviewedAsync(db, checkIns, checkIn, await checkIns.ReturnAsync(checkIn, caller.Person, reason.Trim(), null, ct), ct);
    }

    private static IResult NotYours() => Results.Problem("只能审核本社区的报到。", statusCode: StatusCodes.Status403Forbidden);

    private static async Task<IResult> ReviewedAsync(GovBotDb db, CheckInService checkIns, CheckIn checkIn, ReviewOutcome outcome, CancellationToken ct)
    {
        if (!outcome.Done) return Results.Problem(outcome.Refusal, statusCode: StatusCodes.Status409Conflict);
        await db.SaveChangesAsync(ct);
        return Results.Ok(ToDto((await checkIns.FindAsync(checkIn.Id, ct))!));
    }

    private static async Task<IResult> WorkUnitsAsync(HttpContext http, GovBotDb db, int? communityId, CancellationToken ct)
    {
        var (caller, refusal) = await AuthorizeAsync(http, db, communityId, ct);
        if (caller is null) return refusal!;
        var scope = caller.CommunityId;
        var units = await db.WorkUnits.AsNoTracking()
            .Where(u => scope == null || u.Pairings.Any(p => p.Compound!.CommunityId == scope))
            .OrderBy(u => u.Id)
            .Select(u => new
            {
                u.Id, u.Name, u.PartyOrganisationName, u.ContactName, u.ContactPhone,
                Pairings = u.Pairings.OrderBy(p => p.CompoundId)
                    .Select(p => new PairingDto(p.CompoundId, p.Compound!.Name, p.Compound.Community!.Name, p.PairedAt)).ToList(),
                Members = db.CheckIns.Count(c => c.WorkUnitId == u.Id && c.Status != CheckInStatus.Closed && (scope == null || c.CommunityId == scope)),
            })
            .ToListAsync(ct);
        return Results.Ok(units.Select(u => new WorkUnitDto(u.Id, u.Name, u.PartyOrganisationName, u.ContactName, u.ContactPhone, u.Pairings, u.Members)).ToList());
    }

    private static RosterFilter? Filter(Caller caller, string? status, string? kind, int? unitId, string? unit)
    {
        CheckInStatus? s = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            s = ParseStatus(status);
            if (s is null) return null;
        }
        PartyMemberKind? k = null;
        if (!string.IsNullOrWhiteSpace(kind))
        {
            k = Enum.TryParse<PartyMemberKind>(kind, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : CheckInWording.ParseKind(kind);
            if (k is null) return null;
        }
        return new RosterFilter(caller.CommunityId, s, k, unitId, unit);
    }

    private static CheckInStatus? ParseStatus(string text)
    {
        if (Enum.TryParse<CheckInStatus>(text, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)) return parsed;
        return text.Trim() switch
        {
            "待审核" => CheckInStatus.Pending,
            "已通过" => CheckInStatus.Approved,
            "已退回" => CheckInStatus.Returned,
            "已关闭" => CheckInStatus.Closed,
            _ => null,
        };
    }

    private static IResult BadFilter() =>
        Results.Problem("筛选条件不对：status 用 pending/approved/returned/closed，kind 用 inService/retired/mobile。", statusCode: StatusCodes.Status400BadRequest);

    private static string Camel<T>(T value) where T : struct, Enum
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    private static CheckInDto ToDto(CheckIn c) => new(
        c.Id, c.Name, Camel(c.Kind), CheckInWording.Kind(c.Kind), Camel(c.Status), CheckInWording.Status(c.Status),
        CheckInWording.Unit(c) is { Length: > 0 } u ? u : null, CheckInWording.Organisation(c) is { Length: > 0 } o ? o : null,
        c.Community?.Name, c.Compound?.Name, c.Building?.Name, c.Unit, c.Room, CheckInWording.MaskPhone(c.Phone), [.. c.ServiceList],
        c.SubmittedAt, c.ReviewedAt, c.ReviewedBy?.Name, c.ReturnReason, c.ClosedAt, c.CompoundBranch?.Name, c.GridGroup?.Name);
}
