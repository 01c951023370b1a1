using System.Globalization;
using System.Text;
using GovBot.Data;
using GovBot.Data.Structure;
using GovBot.Host.Staff;
using GovBot.Host.WeCom.Api;
using GovBot.Skills.Reports;
using Microsoft.EntityFrameworkCore;
using static GovBot.Host.Staff.StaffHtml;

namespace GovBot.Host.StaffDirectory;

/// <summary>
/// /staff/directory, for county admins: the last sync, 「立即同步」 (with a confirmation when too many would leave),
/// and which WeCom department stands for which community or grid.
/// </summary>
public static class DirectorySyncPage
{
    public static void MapDirectorySyncPage(this IEndpointRouteBuilder app)
    {
        var county = app.MapGroup("/staff/directory").RequireAuthorization(StaffAccess.County);
        county.MapGet("", ShowAsync);
        county.MapPost("/sync", SyncAsync);
        county.MapPost("/map", MapAsync);
    }

    private static async Task<IResult> ShowAsync(StaffScope scope, GovBotDb db, DirectoryReader reader, DirectorySyncLastRun last, CancellationToken ct)
    {
        var body = new StringBuilder("<p class=\"muted\">同步读取企业微信通讯录里已对应到社区、网格的部门：网格部门的成员是该网格的网格员，社区部门的成员是社区工作者，职务含「书记」的是书记。</p>");
        body.Append(LastRun(last.Last, await db.ImportRecords.AsNoTracking().Where(r => r.Kind == ImportKind.Directory)
            .OrderByDescending(r => r.At).FirstOrDefaultAsync(ct)));
        body.Append("<form method=\"post\" action=\"/staff/directory/sync\"><button class=\"primary\" id=\"sync\">立即同步</button></form>");
        if (last.Last is { Kind: DirectorySyncOutcomeKind.Refused } refused)
            body.Append(CultureInfo.InvariantCulture, $"""
                <form method="post" action="/staff/directory/sync" id="confirm-form"><input type="hidden" name="confirm" value="{refused.Left}">
                <p class="warn">确认 {E(string.Join("、", refused.Leavers.Take(30)))}{(refused.Leavers.Count > 30 ? " 等" : "")} 共 {refused.Left} 人已离岗？</p>
                <button id="confirm">确认无误，同步</button></form>
                """);
        body.Append(await MappingAsync(db, reader, ct));
        return Page("通讯录同步", scope, body.ToString());
    }

    private static string LastRun(DirectorySyncOutcome? outcome, ImportRecord? record)
    {
        var html = new StringBuilder("<div class=\"panel\" id=\"last\">");
        if (outcome is not null && (outcome.Kind != DirectorySyncOutcomeKind.Applied || record is null || record.At < outcome.At))
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"{(outcome.Kind == DirectorySyncOutcomeKind.Applied ? "" : "warn")}\" id=\"outcome\">{ReportWording.Local(outcome.At)} {E(outcome.By ?? "定时同步")}：{E(outcome.Message)}</p>");
        if (record is not null)
            html.Append(CultureInfo.InvariantCulture, $"""
                <p id="record">上次完成的同步：{ReportWording.Local(record.At)}，{E(record.ActorWeComUserId is null ? "定时同步" : "管理员操作")}。
                新增 <b id="added">{record.Added}</b> 人，变更 <b id="changed">{record.Changed}</b> 人，离开 <b id="left">{record.Removed}</b> 人，未变 {record.Unchanged} 人。</p>
                <p class="muted" id="summary">{E(record.Summary)}</p>
                """);
        else if (outcome is null) html.Append("<p id=\"record\">还没有同步过。</p>");
        return html.Append("</div>").ToString();
    }

    private static async Task<string> MappingAsync(GovBotDb db, DirectoryReader reader, CancellationToken ct)
    {
        var communities = await db.Communities.AsNoTracking().OrderBy(c => c.Id).Select(c => new { c.Id, c.Name, c.WeComDepartmentId }).ToListAsync(ct);
        var grids = await db.Grids.AsNoTracking().OrderBy(g => g.CommunityId).ThenBy(g => g.Id)
            .Select(g => new { g.Id, g.Name, Community = g.Community!.Name, g.WeComDepartmentId }).ToListAsync(ct);
        var placeOf = new Dictionary<long, string>();
        foreach (var c in communities.Where(c => c.WeComDepartmentId is not null)) placeOf[c.WeComDepartmentId!.Value] = "社区：" + c.Name;
        foreach (var g in grids.Where(g => g.WeComDepartmentId is not null)) placeOf[g.WeComDepartmentId!.Value] = $"网格：{g.Community}／{g.Name}";

        IReadOnlyList<WeComDepartment> departments;
        var html = new StringBuilder("<h2>部门对应</h2>");
        try
        {
            departments = await reader.DepartmentsAsync(ct);
        }
        catch (DirectoryUnavailableException ex)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"warn\" id=\"departments-error\">{E(ex.Message)}，暂时只列出已对应的部门。</p>");
            departments = [.. placeOf.Keys.Select(id => new WeComDepartment { Id = id, Name = "（读不到名称）" })];
        }
        var options = new StringBuilder("<option value=\"\">不对应</option><optgroup label=\"社区\">");
        foreach (var c in communities) options.Append(CultureInfo.InvariantCulture, $"<option value=\"c{c.Id}\">{E(c.Name)}</option>");
        options.Append("</optgroup><optgroup label=\"网格\">");
        foreach (var g in grids) options.Append(CultureInfo.InvariantCulture, $"<option value=\"g{g.Id}\">{E(g.Community)}／{E(g.Name)}</option>");
        options.Append("</optgroup>");

        var names = departments.ToDictionary(d => d.Id, d => d.Name ?? "");
        html.Append("<div class=\"panel\"><table id=\"mapping\"><tr><th>企业微信部门</th><th>对应</th><th></th></tr>");
        foreach (var d in departments.OrderBy(d => d.ParentId).ThenByDescending(d => d.Order))
        {
            var path = names.TryGetValue(d.ParentId, out var parent) && parent.Length > 0 ? $"{parent} / {d.Name}" : d.Name;
            var form = placeOf.TryGetValue(d.Id, out var place)
                ? $"<form method=\"post\" action=\"/staff/directory/map\"><input type=\"hidden\" name=\"department\" value=\"{d.Id}\"><input type=\"hidden\" name=\"place\" value=\"\"><button>取消对应</button></form>"
                : $"<form method=\"post\" action=\"/staff/directory/map\" class=\"edit-slot\"><input type=\"hidden\" name=\"department\" value=\"{d.Id}\"><select name=\"place\">{options}</select><button>保存</button></form>";
            html.Append(CultureInfo.InvariantCulture, $"<tr data-department=\"{d.Id}\"><td>{E(path)}</td><td class=\"place\">{E(place ?? "未对应")}</td><td>{form}</td></tr>");
        }
        foreach (var (id, place) in placeOf.Where(p => !names.ContainsKey(p.Key)))
            html.Append(CultureInfo.InvariantCulture, $"<tr data-department=\"{id}\"><td class=\"warn\">企业微信里看不到这个部门</td><td class=\"place\">{E(place)}</td><td></td></tr>");
        return html.Append("</table></div>").ToString();
    }

    private static async Task<IResult> SyncAsync(HttpContext http, StaffScope scope, DirectorySync sync, CancellationToken ct)
    {
        var form = await http.Request.ReadFormAsync(ct);
        var confirmed = int.TryParse(form["confirm"], CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 0;
        await sync.RunAsync(scope.Person, confirmed, ct);
        return Results.Redirect("/staff/directory");
    }

    private static async Task<IResult> MapAsync(HttpContext http, StaffScope scope, GovBotDb db, CancellationToken ct)
    {
        var form = await http.Request.ReadFormAsync(ct);
        if (!long.TryParse(form["department"], CultureInfo.InvariantCulture, out var department) || department <= 0)
            return Page("没有保存", scope, "<p class=\"warn\">没有选部门。</p><p><a href=\"/staff/directory\">返回</a></p>", StatusCodes.Status400BadRequest);
        var place = form["place"].ToString();
        var id = place.Length > 1 && int.TryParse(place.AsSpan(1), CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
        var community = place.StartsWith('c') ? await db.Communities.FirstOrDefaultAsync(c => c.Id == id, ct) : null;
        var grid = place.StartsWith('g') ? await db.Grids.FirstOrDefaultAsync(g => g.Id == id, ct) : null;
        if (place.Length > 0 && community is null && grid is null)
            return Page("没有保存", scope, "<p class=\"warn\">没有找到这个社区或网格。</p><p><a href=\"/staff/directory\">返回</a></p>", StatusCodes.Status400BadRequest);

        db.EnsureWritable();
        // One department stands for one place: whatever it stood for before lets go of it.
        await db.Communities.Where(c => c.WeComDepartmentId == department).ExecuteUpdateAsync(s => s.SetProperty(c => c.WeComDepartmentId, (long?)null), ct);
        await db.Grids.Where(g => g.WeComDepartmentId == department).ExecuteUpdateAsync(s => s.SetProperty(g => g.WeComDepartmentId, (long?)null), ct);
        if (community is not null) community.WeComDepartmentId = department;
        if (grid is not null) grid.WeComDepartmentId = department;
        await db.SaveChangesAsync(ct);
        return Results.Redirect("/staff/directory");
    }
}
