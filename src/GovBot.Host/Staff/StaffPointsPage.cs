using System.Globalization;
using System.Text;
using GovBot.Data.People;
using GovBot.Data.Points;
using GovBot.Data;
using GovBot.Host.Points;
using GovBot.Host.Staff.Exports;
using GovBot.Skills.Points;
using GovBot.Skills.Spreadsheets;
using Microsoft.EntityFrameworkCore;
using static GovBot.Host.Staff.StaffHtml;

namespace GovBot.Host.Staff;

/// <summary>/staff/points: this year's totals of the members in scope, the latest ledger lines, and adding or deducting by hand (the member is told).</summary>
public static class StaffPointsPage
{
    public static void MapStaffPoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/staff/points", ShowAsync);
        app.MapGet("/staff/points/totals." + StaffExport.Format, TotalsExportAsync);
        app.MapGet("/staff/points/ledger." + StaffExport.Format, LedgerExportAsync);
        app.MapPost("/staff/points/adjust", AdjustAsync);
    }

    private static async Task<IResult> ShowAsync(HttpContext http, StaffCallers callers, GovBotDb db, PointsLedger ledger, TimeProvider time, string? error, CancellationToken ct)
    {
        if (await StaffPages.RequireAsync(http, callers, ct) is not { } scope) return StaffPages.Denied(http);
        if (!scope.SeesCommunityLists) return Refused(scope, "积分由社区工作人员管理。");
        await ledger.CatchUpAsync(ct);
        var year = PointsCalendar.YearOf(time.GetUtcNow());
        var community = scope.CommunityId;
        // The page ranks the top of the county (thousands of members checked in); the export has everyone.
        var totalsQuery = Totals(db, community, year);
        var members = await totalsQuery.CountAsync(ct);
        var totals = await totalsQuery.OrderByDescending(t => t.Sum).ThenBy(t => t.WeComUserId).Take(ShownTotals).ToListAsync(ct);
        var lines = await Ledger(db, community).Take(50).ToListAsync(ct);
        var items = await db.PointItems.AsNoTracking().OrderBy(i => i.SortOrder).ToListAsync(ct);

        var body = new StringBuilder();
        if (error is not null) body.Append($"<p class=\"warn\" id=\"error\">{E(error)}</p>");
        body.Append(CultureInfo.InvariantCulture, $"""
            <form method="post" action="/staff/points/adjust" class="panel filter">
            <label>党员账号 <input name="member" id="member" required></label>
            <label>分数 <input name="points" id="points" type="number" required placeholder="加用正数，扣用负数"></label>
            <label>项目 <select name="item">{string.Concat(items.Select(i => $"<option{(i.Name == "其他" ? " selected" : "")}>{E(i.Name)}</option>"))}</select></label>
            <label>原因 <input name="reason" id="reason" required minlength="2" maxlength="200"></label>
            <input type="hidden" name="requestId" value="{Guid.NewGuid():N}"><button class="primary" id="adjust">调整</button></form>
            <div class="panel"><h2>{year}年积分 {StaffExport.Links("/staff/points/totals", "export-totals")}</h2>{(members > ShownTotals ? $"<p class=\"muted\" id=\"totals-note\">共 {members} 名党员，这里列出积分最高的 {ShownTotals} 名，全部名单请导出表格。</p>" : "")}<table id="totals"><tr><th>党员</th><th>账号</th><th>积分</th></tr>
            """);
        foreach (var t in totals)
            body.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(t.Name)}</td><td>{E(t.WeComUserId)}</td><td>{t.Sum}</td></tr>");
        body.Append("</table></div><div class=\"panel\"><h2>最近的积分记录 " + StaffExport.Links("/staff/points/ledger", "export-ledger", label: "导出全部记录") + "</h2><table id=\"ledger\"><tr><th>党员</th><th>项目</th><th>分数</th><th>原因</th><th>经办</th></tr>");
        foreach (var e in lines)
            body.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(e.Person?.Name)}</td><td>{E(e.Item?.Name)}</td><td>{e.Points}</td><td>{E(e.Reason)}</td><td>{E(e.Operator?.Name)}</td></tr>");
        body.Append("</table></div>");
        return Page("红色积分", scope, body.ToString());
    }

    private const int ShownTotals = 200;

    private sealed class Total
    {
        public required string Name { get; init; }
        public required string WeComUserId { get; init; }
        public string? Community { get; init; }
        public int Base { get; init; }
        public int Extra { get; init; }
        public int Reward { get; init; }
        public int Sum { get; init; }
    }

    /// <summary>This year's points of each member in scope, by dimension, summed in the store.</summary>
    private static IQueryable<Total> Totals(GovBotDb db, int? community, int year) =>
        db.PointEntries.AsNoTracking()
            .Where(e => e.Year == year && (community == null || e.Person!.CommunityId == community))
            .GroupBy(e => new { e.PersonId, e.Person!.Name, e.Person.WeComUserId, Community = e.Person.Community!.Name })
            .Select(g => new Total
            {
                Name = g.Key.Name, WeComUserId = g.Key.WeComUserId, Community = g.Key.Community,
                Base = g.Sum(e => e.Dimension == PointDimension.Base ? e.Points : 0),
                Extra = g.Sum(e => e.Dimension == PointDimension.Extra ? e.Points : 0),
                Reward = g.Sum(e => e.Dimension == PointDimension.Reward ? e.Points : 0),
                Sum = g.Sum(e => e.Points),
            });

    /// <summary>The ledger lines of the members in scope, newest first.</summary>
    private static IQueryable<PointEntry> Ledger(GovBotDb db, int? community) =>
        db.PointEntries.AsNoTracking().Include(e => e.Person).Include(e => e.Item).Include(e => e.Operator)
            .Where(e => community == null || e.Person!.CommunityId == community)
            .OrderByDescending(e => e.Id);

    private static async Task<IResult> TotalsExportAsync(HttpContext http, StaffCallers callers, GovBotDb db, PointsLedger ledger, TimeProvider time, string format, CancellationToken ct)
    {
        if (await StaffPages.RequireAsync(http, callers, ct) is not { } scope) return StaffPages.Denied(http);
        if (!scope.SeesCommunityLists) return Refused(scope, "积分由社区工作人员管理。");
        await ledger.CatchUpAsync(ct);
        var year = PointsCalendar.YearOf(time.GetUtcNow());
        var totals = await Totals(db, scope.CommunityId, year).OrderByDescending(t => t.Sum).ThenBy(t => t.WeComUserId).ToListAsync(ct);
        return StaffExport.File(new Sheet($"{year}年积分", ["党员", "账号", "社区", "基础分", "附加分", "奖励分", "合计"],
            totals.Select(t => new object?[] { t.Name, t.WeComUserId, t.Community, t.Base, t.Extra, t.Reward, t.Sum })),
            $"points-{year}", format, time);
    }

    private static async Task<IResult> LedgerExportAsync(HttpContext http, StaffCallers callers, GovBotDb db, PointsLedger ledger, TimeProvider time, string format, CancellationToken ct)
    {
        if (await StaffPages.RequireAsync(http, callers, ct) is not { } scope) return StaffPages.Denied(http);
        if (!scope.SeesCommunityLists) return Refused(scope, "积分由社区工作人员管理。");
        await ledger.CatchUpAsync(ct);
        var lines = await Ledger(db, scope.CommunityId).ToListAsync(ct);
        return StaffExport.File(new Sheet("积分记录", ["时间", "党员", "账号", "项目", "类别", "分数", "原因", "经办", "年度"],
            lines.Select(e => new object?[]
            {
                e.At, e.Person?.Name, e.Person?.WeComUserId, e.Item?.Name, PointsWording.Dimension(e.Dimension), e.Points, e.Reason, e.Operator?.Name, e.Year,
            })), "points-ledger", format, time);
    }

    private static async Task<IResult> AdjustAsync(HttpContext http, StaffCallers callers, GovBotDb db, PointsLedger ledger, TimeProvider time, CancellationToken ct)
    {
        if (await StaffPages.RequireAsync(http, callers, ct) is not { } scope) return StaffPages.Denied(http);
        if (!scope.SeesCommunityLists) return Refused(scope, "积分由社区工作人员管理。");
        var form = await http.Request.ReadFormAsync(ct);
        static IResult Back(string why) => Results.Redirect("/staff/points?error=" + Uri.EscapeDataString(why));
        if (!int.TryParse(form["points"], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var points) || points == 0 || Math.Abs(points) > 1000)
            return Back("分数要写加（正数）或扣（负数）多少，一次不超过 1000。");
        if (form["reason"].ToString().Trim() is not { Length: >= 2 and <= 200 } reason) return Back("要写明原因（2 到 200 字），会告诉本人。");
        var memberId = form["member"].ToString().Trim();
        if (await db.People.FirstOrDefaultAsync(p => p.WeComUserId == memberId, ct) is not { } member) return Back("没有这个账号。");
        if (!scope.AllowsCommunity(member.CommunityId)) return Refused(scope, "只能调整本社区党员的积分。");
        var itemName = form["item"].ToString();
        if (await db.PointItems.FirstOrDefaultAsync(i => i.Name == itemName, ct) is not { } item) return Back("没有这个积分项目。");
        var requestId = form["requestId"].ToString() is { Length: > 0 and <= 40 } r ? r : Guid.NewGuid().ToString("N");
        var staff = await db.People.FirstAsync(p => p.Id == scope.Person.Id, ct);
        await PointsApi.AdjustAndTellAsync(db, ledger, time, member, item, points, reason, staff, requestId, ct);
        return Results.Redirect("/staff/points");
    }
}
