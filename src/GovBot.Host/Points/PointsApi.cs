using GovBot.Data;
using GovBot.Data.People;
using GovBot.Host.CheckIns;
using GovBot.Skills.Points;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Host.Points;

/// <summary>
/// The staff side of the 红色账户 over HTTP, guarded like the check-in endpoints by the header
/// <c>X-GovBot-Staff: &lt;WeCom user id&gt;</c> (Staff or Secretary of the member's community, or CountyAdmin):
/// <list type="bullet">
/// <item>GET /api/points/{weComUserId} — the member's lines, newest first, with totals for the year (?year=, default this year).</item>
/// <item>POST /api/points/{weComUserId}/adjust with <c>{"points": -5, "reason": "…", "item": "其他", "requestId": "…"}</c> — add or
/// deduct by hand; the reason is shown to the member, the operator is kept on the line; the same requestId twice counts once.</item>
/// <item>GET /api/points/items — the ten items and the rules.</item>
/// </list>
/// </summary>
public static class PointsApi
{
    public sealed record AdjustRequest(int Points, string? Reason, string? Item, string? RequestId);

    public sealed record EntryDto(long Id, string Item, string Dimension, int Points, string Reason, string Source, string? Operator, DateTimeOffset At, int Year);

    public sealed record AccountDto(string Member, int Year, int Base, int Extra, int Reward, int YearTotal, int AllTime, IReadOnlyList<EntryDto> Entries);

    public sealed record ItemDto(string Code, string Name, string Dimension, int? Points, bool PerUnit, int? CapPerYear, string? SourceKind);

    public static RouteGroupBuilder MapPointsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/points").RequireAuthorization(Staff.StaffAccess.Community);
        group.MapGet("/items", ItemsAsync);
        group.MapGet("/{member}", AccountAsync);
        group.MapPost("/{member}/adjust", AdjustAsync);
        return group;
    }

    /// <summary>The caller, settled by the group's <see cref="Staff.StaffAccess.Community"/> policy.</summary>
    private static Task<(Person? Staff, IResult? Refusal)> CallerAsync(HttpContext http, GovBotDb db, CancellationToken ct) =>
        Task.FromResult<(Person?, IResult?)>(Staff.StaffAccess.ScopeOf(http) is { } scope
            ? (scope.Person, null)
            : (null, Results.Problem("只有社区工作人员可以查看和调整积分。", statusCode: StatusCodes.Status403Forbidden)));

    private static bool MaySee(Person staff, Person member) => staff.Has(Roles.CountyAdmin) || (staff.CommunityId != null && staff.CommunityId == member.CommunityId);

    private static async Task<IResult> ItemsAsync(HttpContext http, GovBotDb db, CancellationToken ct)
    {
        var (staff, refusal) = await CallerAsync(http, db, ct);
        if (staff is null) return refusal!;
        var items = await db.PointItems.AsNoTracking().OrderBy(i => i.SortOrder).ToListAsync(ct);
        var rules = await db.PointRules.AsNoTracking().ToListAsync(ct);
        return Results.Ok(items.Select(i =>
        {
            var rule = rules.FirstOrDefault(r => r.PointItemId == i.Id);
            return new ItemDto(i.Code, i.Name, PointsWording.Dimension(i.Dimension), rule?.Points, rule?.PerUnit ?? false, rule?.CapPerYear, rule?.SourceKind);
        }).ToList());
    }

    private static async Task<IResult> AccountAsync(HttpContext http, GovBotDb db, PointsLedger ledger, PointsBook book, TimeProvider time, string member, int? year, CancellationToken ct)
    {
        var (staff, refusal) = await CallerAsync(http, db, ct);
        if (staff is null) return refusal!;
        if (await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.WeComUserId == member, ct) is not { } person) return Results.NotFound();
        if (!MaySee(staff, person)) return NotYours();
        await ledger.CatchUpAsync(ct);
        return Results.Ok(await AccountOfAsync(db, book, person, year ?? PointsCalendar.YearOf(time.GetUtcNow()), ct));
    }

    private static async Task<IResult> AdjustAsync(HttpContext http, GovBotDb db, PointsLedger ledger, PointsBook book, TimeProvider time, string member, AdjustRequest request, CancellationToken ct)
    {
        var (staff, refusal) = await CallerAsync(http, db, ct);
        if (staff is null) return refusal!;
        if (request.Points == 0 || Math.Abs(request.Points) > 1000)
            return Results.Problem("points 要写加（正数）或扣（负数）多少分，一次不超过 1000。", statusCode: StatusCodes.Status400BadRequest);
        if (request.Reason?.Trim() is not { Length: >= 2 and <= 200 } reason)
            return Results.Problem("调整积分要写明原因（reason，2 到 200 字），会告诉本人。", statusCode: StatusCodes.Status400BadRequest);
        if (await db.People.FirstOrDefaultAsync(p => p.WeComUserId == member, ct) is not { } person) return Results.NotFound();
        if (!MaySee(staff, person)) return NotYours();
        var itemName = string.IsNullOrWhiteSpace(request.Item) ? "其他" : request.Item.Trim();
        if (await db.PointItems.FirstOrDefaultAsync(i => i.Name == itemName || i.Code == itemName, ct) is not { } item)
            return Results.Problem($"没有「{itemName}」这个积分项目，看 /api/points/items。", statusCode: StatusCodes.Status400BadRequest);
        var requestId = string.IsNullOrWhiteSpace(request.RequestId) ? Guid.NewGuid().ToString("N") : request.RequestId.Trim();
        if (requestId.Length > 40) return Results.Problem("requestId 最长 40 个字符。", statusCode: StatusCodes.Status400BadRequest);
        await AdjustAndTellAsync(db, ledger, time, person, item, request.Points, reason, staff, requestId, ct);
        return Results.Ok(await AccountOfAsync(db, book, person, PointsCalendar.YearOf(time.GetUtcNow()), ct));
    }

    /// <summary>Adds or deducts by hand and tells the member; shared with the staff pages. Null when the request id was seen.</summary>
    internal static async Task<Data.Points.PointEntry?> AdjustAndTellAsync(GovBotDb db, PointsLedger ledger, TimeProvider time, Person person,
        Data.Points.PointItem item, int points, string reason, Person staff, string requestId, CancellationToken ct)
    {
        var entry = await ledger.AdjustAsync(person, item, points, reason, staff, requestId, ct);
        if (entry is not null)
        {
            var verb = entry.Points > 0 ? $"加了 {entry.Points} 分" : $"扣了 {-entry.Points} 分";
            await Skills.Conversation.OutboxExtensions.EnqueuePushAsync(db, new Skills.Conversation.OutboxPush(
                new Skills.Conversation.TextPart($"社区给您的红色账户{verb}（{item.Name}）：{reason}。回复「查积分」看余额。"), [person.WeComUserId])
                { SourceKey = $"points:{entry.SourceId}" }, time.GetUtcNow(), ct);
            await db.SaveChangesAsync(ct);
        }
        return entry;
    }

    private static async Task<AccountDto> AccountOfAsync(GovBotDb db, PointsBook book, Person person, int year, CancellationToken ct)
    {
        var balance = await book.BalanceAsync(person.Id, year, ct);
        var entries = await db.PointEntries.AsNoTracking().Include(e => e.Item).Include(e => e.Operator)
            .Where(e => e.PersonId == person.Id).OrderByDescending(e => e.At).ThenByDescending(e => e.Id).ToListAsync(ct);
        int Of(Data.Points.PointDimension d) => balance.ThisYear.Single(t => t.Dimension == d).Points;
        return new AccountDto(person.Name, year, Of(Data.Points.PointDimension.Base), Of(Data.Points.PointDimension.Extra), Of(Data.Points.PointDimension.Reward),
            balance.YearTotal, balance.AllTime,
            entries.Select(e => new EntryDto(e.Id, e.Item!.Name, PointsWording.Dimension(e.Dimension), e.Points, e.Reason, e.SourceKind, e.Operator?.Name, e.At, e.Year)).ToList());
    }

    private static IResult NotYours() => Results.Problem("只能查看和调整本社区党员的积分。", statusCode: StatusCodes.Status403Forbidden);
}
