using System.Globalization;
using System.Text;
using GovBot.Data;
using GovBot.Data.Places;
using GovBot.Host.Staff;
using Microsoft.EntityFrameworkCore;
using static GovBot.Host.Staff.StaffHtml;

namespace GovBot.Host.Places;

/// <summary>
/// /staff/compounds: the compounds of the caller's community (all of them for a county admin) and where each is on
/// the map. The coordinates decide which compound a location sent in the chat belongs to, so the people who know the
/// place set them: staff of its community and county admins. Grid workers are kept out by the group's policy.
/// </summary>
public static class StaffCompoundPages
{
    public static void MapStaffCompounds(this IEndpointRouteBuilder app)
    {
        app.MapGet("/staff/compounds", ListAsync);
        app.MapGet("/staff/compounds/{id:int}", ShowAsync);
        app.MapPost("/staff/compounds/{id:int}/coordinates", SetAsync);
    }

    private static async Task<IResult> ListAsync(HttpContext http, StaffCallers callers, GovBotDb db, CancellationToken ct)
    {
        if (await StaffPages.RequireAsync(http, callers, ct) is not { } scope) return StaffPages.Denied(http);
        var community = scope.CommunityId;
        var compounds = await db.Compounds.AsNoTracking().Include(c => c.Community)
            .Where(c => scope.County || c.CommunityId == community).OrderBy(c => c.CommunityId).ThenBy(c => c.Name).ToListAsync(ct);
        var body = new StringBuilder("<div class=\"panel\"><table id=\"compounds\"><tr><th>小区</th><th>社区</th><th>坐标</th></tr>");
        foreach (var c in compounds)
            body.Append(CultureInfo.InvariantCulture, $"<tr><td><a href=\"/staff/compounds/{c.Id}\">{E(c.Name)}</a></td><td>{E(c.Community?.Name)}</td><td>{Shown(c)}</td></tr>");
        body.Append(compounds.Count == 0 ? "</table><p class=\"muted\">还没有小区。</p></div>" : "</table></div>");
        return Page("小区位置", scope, body.ToString());
    }

    private static string Shown(Compound c) => c.Latitude is { } lat && c.Longitude is { } lng ? Geo.Text(lat, lng) : "未设置";

    private static async Task<IResult> ShowAsync(HttpContext http, StaffCallers callers, GovBotDb db, int id, string? error, string? done, CancellationToken ct)
    {
        if (await StaffPages.RequireAsync(http, callers, ct) is not { } scope) return StaffPages.Denied(http);
        if (await db.Compounds.AsNoTracking().Include(c => c.Community).FirstOrDefaultAsync(c => c.Id == id, ct) is not { } compound)
            return Page("没有这个小区", scope, "<p>没有找到。</p>", StatusCodes.Status404NotFound);
        if (!scope.AllowsCommunity(compound.CommunityId)) return Refused(scope, "这个小区不在您负责的社区。");
        var body = new StringBuilder();
        if (error is not null) body.Append($"<p class=\"warn\" id=\"error\">{E(error)}</p>");
        if (done is not null) body.Append("<p id=\"done\">已保存。</p>");
        body.Append(CultureInfo.InvariantCulture, $"""
            <div class="panel"><table><tr><th>社区</th><td>{E(compound.Community?.Name)}</td></tr>
            <tr><th>坐标</th><td id="coordinates">{Shown(compound)}</td></tr></table>
            <form method="post" action="/staff/compounds/{id}/coordinates"><p><label>坐标（纬度,经度）
            <input name="coordinates" id="coordinates-input" value="{E(compound.Latitude is null ? "" : Shown(compound))}" placeholder="37.6032,112.3561"></label>
            <button class="primary" id="save">保存</button></p>
            <p class="muted">在手机地图上长按小区大门，复制坐标粘贴到这里（经度、纬度顺序都可以）。用高德、腾讯地图或企业微信里的坐标，不要用百度地图的。清空后保存就是不设置。
            居民在小区附近发位置上报时，系统按这个坐标找小区。</p></form></div>
            """);
        return Page(compound.Name, scope, body.ToString());
    }

    private static async Task<IResult> SetAsync(HttpContext http, StaffCallers callers, GovBotDb db, int id, CancellationToken ct)
    {
        if (await StaffPages.RequireAsync(http, callers, ct) is not { } scope) return StaffPages.Denied(http);
        if (await db.Compounds.FirstOrDefaultAsync(c => c.Id == id, ct) is not { } compound) return Results.NotFound();
        if (!scope.AllowsCommunity(compound.CommunityId)) return Refused(scope, "这个小区不在您负责的社区。");
        var form = await http.Request.ReadFormAsync(ct);
        var text = StaffForm.Text(form, "coordinates");
        if (text.Length == 0) (compound.Latitude, compound.Longitude) = (null, null);
        else if (Geo.Pair(text) is { } at) (compound.Latitude, compound.Longitude) = at;
        else
            return Results.Redirect($"/staff/compounds/{id}?error=" + Uri.EscapeDataString("坐标看不懂，请写成「37.6032,112.3561」（纬度 3–54，经度 73–136）。"));
        // The coordinates are reference data: the chat's cached snapshot must see them at once (ReferenceCache's stamp).
        await db.SaveChangesAsync(ct);
        return Results.Redirect($"/staff/compounds/{id}?done=1");
    }
}
