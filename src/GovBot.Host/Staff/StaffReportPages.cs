using System.Globalization;
using System.Text;
using GovBot.Data.Reports;
using GovBot.Data;
using GovBot.Host.Places;
using GovBot.Host.Staff.Exports;
using GovBot.Skills.Reports;
using GovBot.Skills.Spreadsheets;
using Microsoft.EntityFrameworkCore;
using static GovBot.Host.Staff.StaffHtml;

namespace GovBot.Host.Staff;

/// <summary>
/// The reports work list: filter, CSV export, one report with its history and photos, and the moves
/// (受理, 转交, 办结, 驳回), which go through <see cref="ReportService"/> so residents get the same pushes as from the chat.
/// </summary>
public static class StaffReportPages
{
    public static void MapStaffReports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/staff/reports", ListAsync);
        app.MapGet("/staff/reports/export." + StaffExport.Format, ExportAsync);
        app.MapGet("/staff/reports/{id:int}", ShowAsync);
        app.MapGet("/staff/reports/{id:int}/photos/{photoId:int}", PhotoAsync);
        app.MapPost("/staff/reports/{id:int}/{action}", ActAsync);
    }

    private sealed record Filter(string? Status, int? Category, string? Q, string? From, string? To);

    private static async Task<List<Report>> FindAsync(GovBotDb db, StaffScope scope, Filter f, TimeProvider time, CancellationToken ct)
    {
        var (from, to) = StaffPages.Range(f.From, f.To, time);
        var q = scope.Reports(db.Reports.AsNoTracking()).Where(r => r.CreatedAt >= from && r.CreatedAt < to);
        if (Enum.TryParse<ReportStatus>(f.Status, true, out var status)) q = q.Where(r => r.Status == status);
        if (f.Category is { } c) q = q.Where(r => r.CategoryId == c);
        if (!string.IsNullOrWhiteSpace(f.Q)) q = q.Where(r => r.Ticket == f.Q.Trim().ToUpper() || r.Description.Contains(f.Q.Trim()));
        return await q.Include(r => r.Category).Include(r => r.Compound).Include(r => r.Building).Include(r => r.Grid)
            .Include(r => r.Assignee).Include(r => r.Community).Include(r => r.Reporter)
            .OrderByDescending(r => r.CreatedAt).Take(1000).AsSplitQuery().ToListAsync(ct);
    }

    private static async Task<IResult> ListAsync(HttpContext http, StaffCallers callers, GovBotDb db, TimeProvider time,
        string? status, int? category, string? q, string? from, string? to, CancellationToken ct)
    {
        if (await StaffPages.RequireAsync(http, callers, ct) is not { } scope) return StaffPages.Denied(http);
        var filter = new Filter(status, category, q, from, to);
        var rows = await FindAsync(db, scope, filter, time, ct);
        var (start, end) = StaffPages.Range(from, to, time);
        var categories = await db.ReportCategories.AsNoTracking().OrderBy(c => c.SortOrder).ToListAsync(ct);
        var body = new StringBuilder("<form class=\"filter\" method=\"get\"><label>状态 <select name=\"status\"><option value=\"\">全部</option>");
        foreach (var s in Enum.GetValues<ReportStatus>())
            body.Append(CultureInfo.InvariantCulture, $"<option value=\"{s}\"{(string.Equals(status, s.ToString(), StringComparison.OrdinalIgnoreCase) ? " selected" : "")}>{StaffWording.Status(s)}</option>");
        body.Append("</select></label><label>类别 <select name=\"category\"><option value=\"\">全部</option>");
        foreach (var c in categories)
            body.Append(CultureInfo.InvariantCulture, $"<option value=\"{c.Id}\"{(category == c.Id ? " selected" : "")}>{E(c.Name)}</option>");
        body.Append(CultureInfo.InvariantCulture, $"""
            </select></label><label>编号或内容 <input name="q" value="{E(q)}"></label>
            <label>从 <input type="date" name="from" value="{StaffPages.Day(start)}"></label><label>到 <input type="date" name="to" value="{StaffPages.Day(end.AddDays(-1))}"></label>
            <button>筛选</button>{StaffExport.Links("/staff/reports/export", "export", http.Request.QueryString.ToString())}</form>
            <div class="panel"><table id="reports"><tr><th>编号</th><th>类别</th><th>地点</th><th>状态</th><th>网格</th><th>上报时间</th></tr>
            """);
        foreach (var r in rows)
            body.Append(CultureInfo.InvariantCulture, $"<tr><td><a href=\"/staff/reports/{r.Id}\">{E(r.Ticket)}</a></td><td>{E(r.Category!.Name)}</td><td>{E(ReportWording.Place(r))}</td><td>{StaffWording.Status(r.Status)}</td><td>{E(r.Grid?.Name ?? "—")}</td><td>{ReportWording.Local(r.CreatedAt)}</td></tr>");
        body.Append(rows.Count == 0 ? "</table><p class=\"muted\">没有符合条件的说事。</p></div>" : "</table></div>");
        return Page("说事", scope, body.ToString());
    }

    private static async Task<IResult> ExportAsync(HttpContext http, StaffCallers callers, GovBotDb db, TimeProvider time,
        string format, string? status, int? category, string? q, string? from, string? to, CancellationToken ct)
    {
        if (await StaffPages.RequireAsync(http, callers, ct) is not { } scope) return StaffPages.Denied(http);
        var rows = await FindAsync(db, scope, new Filter(status, category, q, from, to), time, ct);
        return StaffExport.File(new Sheet("说事", ["编号", "类别", "社区", "地点", "内容", "状态", "网格", "受理人", "反映人", "联系电话", "上报时间", "受理时间", "办结时间", "评价"],
            rows.Select(r => new object?[]
            {
                r.Ticket, r.Category!.Name, r.Community!.Name, ReportWording.Place(r), r.Description, StaffWording.Status(r.Status),
                r.Grid?.Name, r.Assignee?.Name, r.Reporter?.Name ?? r.ExternalReporter, r.Reporter?.Phone ?? r.ReporterContact,
                r.CreatedAt, r.AcceptedAt, r.HandledAt, r.Stars,
            })), "reports", format, time);
    }

    private static async Task<IResult> ShowAsync(HttpContext http, StaffCallers callers, GovBotDb db, ReportService reports, int id, string? error, CancellationToken ct)
    {
        if (await StaffPages.RequireAsync(http, callers, ct) is not { } scope) return StaffPages.Denied(http);
        if (await reports.FindAsync(id, ct) is not { } r) return Page("没有这件说事", scope, "<p>没有找到。</p>", StatusCodes.Status404NotFound);
        if (!scope.Allows(r)) return Refused(scope, "这件说事不在您负责的范围内。");
        var events = await db.ReportEvents.AsNoTracking().Where(e => e.ReportId == id).Include(e => e.Actor).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(ct);
        var photos = await db.ReportPhotos.AsNoTracking().Where(p => p.ReportId == id && p.Content != null).Select(p => new { p.Id, p.Kind, p.Media, p.FileName }).ToListAsync(ct);
        var grid = r.GridId is { } g ? await db.Grids.AsNoTracking().Where(x => x.Id == g).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
        var grids = await db.Grids.AsNoTracking().Where(x => x.CommunityId == r.CommunityId).OrderBy(x => x.Id).ToListAsync(ct);

        var body = new StringBuilder();
        if (error is not null) body.Append($"<p class=\"warn\" id=\"error\">{E(error)}</p>");
        body.Append(CultureInfo.InvariantCulture, $"""
            <div class="panel"><table>
            <tr><th>状态</th><td id="status">{StaffWording.Status(r.Status)}</td></tr>
            <tr><th>类别</th><td>{E(r.Category!.Name)}</td></tr><tr><th>地点</th><td>{E(r.Community!.Name)} {E(ReportWording.Place(r))}</td></tr>
            <tr><th>内容</th><td>{E(r.Description)}</td></tr><tr><th>网格</th><td>{E(grid ?? "—")}</td></tr>
            <tr><th>受理人</th><td>{E(r.Assignee?.Name ?? "—")}</td></tr>
            <tr><th>反映人</th><td id="reporter">{E(r.Reporter?.Name ?? r.ExternalReporter ?? "—")} {E(r.Reporter?.Phone ?? r.ReporterContact)}</td></tr>
            <tr><th>上报时间</th><td>{ReportWording.Local(r.CreatedAt)}</td></tr>
            {(r.ResultNote is null ? "" : $"<tr><th>处理结果</th><td>{E(r.ResultNote)}</td></tr>")}
            {(r.Stars is null ? "" : $"<tr><th>评价</th><td>{ReportWording.Stars(r.Stars)}</td></tr>")}
            </table></div>
            """);
        // A report with a location shows where on a small map, the photos beside it.
        var map = r is { Latitude: { } lat, Longitude: { } lng } ? await ReportMap.RenderAsync(db, r, lat, lng, ct) : null;
        if (map is not null) body.Append("<div class=\"beside\"><div class=\"panel\"><h2>位置</h2>").Append(map).Append("</div><div>");
        foreach (var p in photos)
            body.Append(StaffReportAttachments.Html(id, p.Id, p.Kind, p.Media, p.FileName));
        if (map is not null) body.Append("</div></div>");
        body.Append("<div class=\"panel\"><h2>办理</h2>");
        if (r.Status == ReportStatus.Reported)
            body.Append(CultureInfo.InvariantCulture, $"<form method=\"post\" action=\"/staff/reports/{id}/accept\"><button class=\"primary\" id=\"accept\">受理</button></form>");
        if (r.Status is ReportStatus.Accepted or ReportStatus.Deliberating)
            body.Append(CultureInfo.InvariantCulture, $"""
                <form method="post" action="/staff/reports/{id}/handle"><p><label>处理结果 <input name="result" id="result" required minlength="2"></label>
                <button class="primary" id="handle">办结</button></p></form>
                """);
        if (r.IsOpen)
        {
            body.Append(CultureInfo.InvariantCulture, $"<form method=\"post\" action=\"/staff/reports/{id}/handover\"><p><label>转交给 <select name=\"target\" id=\"target\">");
            foreach (var x in grids.Where(x => x.Id != r.GridId))
                body.Append(CultureInfo.InvariantCulture, $"<option value=\"grid:{x.Id}\">{E(x.Name)}</option>");
            body.Append(CultureInfo.InvariantCulture, $"""
                <option value="property">物业</option><option value="community">社区</option></select></label> <button id="handover">转交</button></p></form>
                <form method="post" action="/staff/reports/{id}/reject"><p><label>驳回原因 <input name="reason" minlength="2" required></label> <button id="reject">驳回</button></p></form>
                """);
        }
        if (!r.IsOpen) body.Append("<p class=\"muted\">这件说事已经结束。</p>");
        body.Append("</div><div class=\"panel\"><h2>经过</h2><table id=\"history\">");
        foreach (var e in events)
            body.Append($"<tr><td>{ReportWording.Local(e.At)}</td><td>{E(e.Action)}</td><td>{E(e.Actor?.Name)}</td><td>{E(e.Note)}</td></tr>");
        body.Append("</table></div>");
        return Page($"说事 {r.Ticket}", scope, body.ToString());
    }

    private static async Task<IResult> PhotoAsync(HttpContext http, StaffCallers callers, GovBotDb db, int id, int photoId, CancellationToken ct)
    {
        if (await StaffPages.RequireAsync(http, callers, ct) is not { } scope) return StaffPages.Denied(http);
        var report = await db.Reports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null) return Results.NotFound();
        if (!scope.Allows(report)) return Refused(scope, "这件说事不在您负责的范围内。");
        var photo = await db.ReportPhotos.AsNoTracking().FirstOrDefaultAsync(p => p.Id == photoId && p.ReportId == id && p.Content != null, ct);
        if (photo is null) return Results.NotFound();
        http.Response.Headers.CacheControl = "private, max-age=3600";
        return StaffReportAttachments.Download(http, photo);
    }

    private static async Task<IResult> ActAsync(HttpContext http, StaffCallers callers, GovBotDb db, ReportService reports, int id, string action, CancellationToken ct)
    {
        if (await StaffPages.RequireAsync(http, callers, ct) is not { } scope) return StaffPages.Denied(http);
        if (await reports.FindAsync(id, ct) is not { } r) return Results.NotFound();
        if (!scope.Allows(r)) return Refused(scope, "这件说事不在您负责的范围内。");
        var form = await http.Request.ReadFormAsync(ct);
        var actor = await db.People.FirstAsync(p => p.Id == scope.Person.Id, ct);
        var outcome = action switch
        {
            "accept" => await reports.AcceptAsync(r, actor, null, ct),
            "handle" when form["result"].ToString().Trim() is { Length: >= 2 } result => await reports.HandleAsync(r, actor, result, [], ct),
            "handle" => Transition.No("请写明处理结果。"),
            "reject" when form["reason"].ToString().Trim() is { Length: >= 2 } reason => await reports.RejectAsync(r, actor, reason, ct),
            "reject" => Transition.No("驳回要写明原因。"),
            "handover" => await HandOverAsync(reports, r, actor, form["target"].ToString(), ct),
            _ => null,
        };
        if (outcome is null) return Results.NotFound();
        if (outcome.Done) await db.SaveChangesAsync(ct);
        var back = $"/staff/reports/{id}" + (outcome.Done ? "" : "?error=" + Uri.EscapeDataString(outcome.Refusal ?? "没能办理。"));
        return Results.Redirect(back);
    }

    private static Task<Transition> HandOverAsync(ReportService reports, Report r, Data.People.Person actor, string target, CancellationToken ct) => target switch
    {
        "property" => reports.HandOverAsync(r, actor, HandoverTarget.PropertyManager, null, ct),
        "community" => reports.HandOverAsync(r, actor, HandoverTarget.Community, null, ct),
        _ when target.StartsWith("grid:", StringComparison.Ordinal) && int.TryParse(target[5..], CultureInfo.InvariantCulture, out var grid)
            => reports.HandOverAsync(r, actor, HandoverTarget.Grid, grid, ct),
        _ => Task.FromResult(Transition.No("请选择转交给谁。")),
    };
}
