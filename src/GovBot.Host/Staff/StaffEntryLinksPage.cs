using System.Globalization;
using System.Text;
using GovBot.Data;
using GovBot.Data.CustomerService;
using GovBot.Data.People;
using GovBot.Host.WeCom.CustomerService;
using GovBot.Host.WeCom.CustomerService.Links;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using static GovBot.Host.Staff.StaffHtml;

namespace GovBot.Host.Staff;

/// <summary>
/// /staff/entry 「微信入口」: the customer-service link of the community and of each grid, as a QR code to print for notice
/// boards (a resident who scans a grid's code starts with that grid known). Staff see their own community; county admins
/// every community, grouped. Links are made on demand (生成二维码 / 全部生成) through <see cref="CustomerServiceLinks"/>.
/// </summary>
public static class StaffEntryLinksPage
{
    public const string Path = "/staff/entry";

    public static void MapStaffEntryLinks(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, ListAsync);
        app.MapGet(Path + "/{id:int}/notice", NoticeAsync);
        app.MapPost(Path + "/make", MakeAsync);
        app.MapPost(Path + "/make-all", MakeAllAsync);
    }

    private sealed record Row(int CommunityId, int? GridId, string Name, string Workers, CustomerServiceLink? Link);

    private static async Task<IResult> ListAsync(
        StaffScope scope, GovBotDb db, IOptions<CustomerServiceOptions> options, string? error, int? made, CancellationToken ct)
    {
        var openKfId = options.Value.OpenKfId;
        var communities = await db.Communities.AsNoTracking().Where(c => scope.County || c.Id == scope.CommunityId)
            .OrderBy(c => c.Id).Select(c => new { c.Id, c.Name, Grids = c.Grids.OrderBy(g => g.Id).Select(g => new { g.Id, g.Name }).ToList() })
            .ToListAsync(ct);
        var ids = communities.Select(c => c.Id).ToList();
        var links = await db.CustomerServiceLinks.AsNoTracking().Where(l => ids.Contains(l.CommunityId) && l.OpenKfId == openKfId).ToListAsync(ct);
        var workers = await WorkersAsync(db, ids, ct);

        var body = new StringBuilder();
        if (error is not null) body.Append($"<p class=\"warn\" id=\"error\">{E(error)}</p>");
        if (made is > 0) body.Append(CultureInfo.InvariantCulture, $"<p id=\"made\">新生成了 {made} 个二维码。</p>");
        body.Append("<p>居民用微信扫网格的二维码，就能直接和社区小助手聊天，不用装企业微信；扫哪个网格的码，就先记在哪个网格。打印「告示」贴到楼道和公告栏。</p>");
        if (!options.Value.IsConfigured)
        {
            body.Append($"<p class=\"warn\" id=\"not-configured\">{E(CustomerServiceLinks.NotConfigured)}</p>");
            return Page("微信入口", scope, body.ToString());
        }
        body.Append($"<form method=\"post\" action=\"{Path}/make-all\"><button class=\"primary\" id=\"make-all\">全部生成</button> <span class=\"muted\">已有的二维码不会变。</span></form>");
        foreach (var community in communities)
        {
            var rows = community.Grids.Select(g => new Row(community.Id, g.Id, g.Name, workers.GetValueOrDefault(g.Id, ""), links.FirstOrDefault(l => l.GridId == g.Id)))
                .Prepend(new Row(community.Id, null, "整个社区", "社区办公室", links.FirstOrDefault(l => l.GridId is null)));
            body.Append(CultureInfo.InvariantCulture, $"<div class=\"panel\" data-community=\"{community.Id}\"><h2>{E(community.Name)}</h2>");
            body.Append("<table><tr><th>入口</th><th>网格员</th><th>二维码</th><th></th></tr>");
            foreach (var row in rows) body.Append(RowHtml(row));
            body.Append("</table></div>");
        }
        return Page("微信入口", scope, body.ToString());
    }

    private static string RowHtml(Row row)
    {
        var key = row.GridId is { } g ? "g" + g.ToString(CultureInfo.InvariantCulture) : "c" + row.CommunityId.ToString(CultureInfo.InvariantCulture);
        var cells = $"<tr id=\"entry-{key}\"><td>{E(row.Name)}</td><td>{E(row.Workers)}</td>";
        if (row.Link is { } link)
            return cells + $"<td>{QrSvg.Draw(link.Url, 120, "qr-" + key)}</td><td><a href=\"{Path}/{link.Id}/notice\" target=\"_blank\">打印告示</a></td></tr>";
        var grid = row.GridId?.ToString(CultureInfo.InvariantCulture) ?? "";
        return cells + $"""
            <td class="muted">还没有</td><td><form method="post" action="{Path}/make"><input type="hidden" name="community" value="{row.CommunityId}"><input type="hidden" name="grid" value="{grid}"><button>生成二维码</button></form></td></tr>
            """;
    }

    /// <summary>"王建军 13800000001、李娜": the names (and phones) residents are shown when they ask who their grid worker is.</summary>
    private static async Task<Dictionary<int, string>> WorkersAsync(GovBotDb db, List<int> communityIds, CancellationToken ct)
    {
        var rows = await db.GridWorkers.AsNoTracking().Where(w => communityIds.Contains(w.Grid!.CommunityId) && w.Person!.LeftAt == null)
            .OrderBy(w => w.PersonId).Select(w => new { w.GridId, w.Person!.Name, w.Person.Phone }).ToListAsync(ct);
        return rows.GroupBy(r => r.GridId).ToDictionary(g => g.Key, g => string.Join("、", g.Select(r => r.Phone is null ? r.Name : $"{r.Name} {r.Phone}")));
    }

    private static async Task<IResult> MakeAsync(HttpContext http, StaffScope scope, CustomerServiceLinks links, CancellationToken ct)
    {
        var form = await http.Request.ReadFormAsync(ct);
        if (StaffForm.Int(form, "community") is not { } community) return Results.BadRequest();
        if (!scope.AllowsCommunity(community)) return Refused(scope, "只能生成本社区的二维码。");
        var (ok, grid) = StaffForm.Choice(form, "grid");
        if (!ok) return Results.BadRequest();
        return Back(await links.EnsureAsync(community, grid, ct));
    }

    private static async Task<IResult> MakeAllAsync(StaffScope scope, GovBotDb db, CustomerServiceLinks links, CancellationToken ct)
    {
        var communities = scope.County
            ? await db.Communities.AsNoTracking().OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(ct)
            : scope.CommunityId is { } own ? [own] : [];
        return Back(await links.EnsureAllAsync(communities, ct));
    }

    private static IResult Back(LinkOutcome outcome) => Results.Redirect(Path + (outcome.Ok
        ? "?made=" + outcome.Made.ToString(CultureInfo.InvariantCulture)
        : "?error=" + Uri.EscapeDataString(outcome.Error!)));

    /// <summary>The notice for the board: a page of its own, nothing but the words, the code and who answers, for A4.</summary>
    private static async Task<IResult> NoticeAsync(StaffScope scope, GovBotDb db, int id, CancellationToken ct)
    {
        var link = await db.CustomerServiceLinks.AsNoTracking().Include(l => l.Community).Include(l => l.Grid)
            .FirstOrDefaultAsync(l => l.Id == id, ct);
        if (link is null) return Results.NotFound();
        if (!scope.AllowsCommunity(link.CommunityId)) return Refused(scope, "只能查看本社区的二维码。");
        var place = link.Community!.Name + (link.Grid is { } grid ? grid.Name : "");
        var who = link.GridId is { } g
            ? (await WorkersAsync(db, [link.CommunityId], ct)).GetValueOrDefault(g) is { Length: > 0 } names ? "网格员：" + names : ""
            : link.Community.Phone is { } phone ? "社区电话：" + phone : "";
        var html = $$"""
            <!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>{{E(place)}} · 扫码找网格员</title>
            <style>{{NoticeCss}}</style></head>
            <body><main id="notice"><h1>扫码找网格员，随时说事</h1><p id="place">{{E(place)}}</p>{{QrSvg.Draw(link.Url, 480, "qr")}}
            <p id="who">{{E(who)}}</p><p class="how">用微信扫一扫，不用下载，直接跟社区小助手说：楼道灯坏了、想预约服务、找网格员……</p></main></body></html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8);
    }

    private const string NoticeCss = """
        body{margin:0;font-family:"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;text-align:center;color:#222}
        main{padding:2em 1em}h1{font-size:2.4em;margin:.3em 0;color:#c8161d}p{font-size:1.4em;margin:.4em 0}.qr{width:70vmin;height:70vmin;max-width:14cm;max-height:14cm}
        .how{font-size:1.1em;color:#555}@media print{main{padding:1cm}}
        """;
}
