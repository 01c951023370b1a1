using System.Globalization;
using System.Text;
using GovBot.Data.Wishes;
using GovBot.Data;
using GovBot.Host.Staff.Exports;
using GovBot.Skills.Spreadsheets;
using GovBot.Skills.Wishes;
using Microsoft.EntityFrameworkCore;
using static GovBot.Host.Staff.StaffHtml;

namespace GovBot.Host.Staff;

/// <summary>/staff/wishes: 微心愿 waiting for review and those under way; 通过 / 退回 through <see cref="WishService"/>.</summary>
public static class StaffWishPages
{
    public static void MapStaffWishes(this IEndpointRouteBuilder app)
    {
        app.MapGet("/staff/wishes", ListAsync);
        app.MapGet("/staff/wishes/export." + StaffExport.Format, ExportAsync);
        app.MapPost("/staff/wishes/{id:int}/{action}", ReviewAsync);
    }

    private static string StatusName(WishStatus s) => s switch
    {
        WishStatus.Pending => "待审核",
        WishStatus.Returned => "已退回",
        WishStatus.Open => "待认领",
        WishStatus.Claimed => "已认领",
        WishStatus.Fulfilled => "待确认",
        _ => "已完成",
    };

    private static async Task<IResult> ListAsync(HttpContext http, StaffCallers callers, GovBotDb db, string? error, CancellationToken ct)
    {
        if (await StaffPages.RequireAsync(http, callers, ct) is not { } scope) return StaffPages.Denied(http);
        if (!scope.SeesCommunityLists) return Refused(scope, "微心愿由社区工作人员审核。");
        var community = scope.CommunityId;
        var wishes = await db.Wishes.AsNoTracking().Include(w => w.Resident).Include(w => w.Compound).Include(w => w.Claimer)
            .Where(w => community == null || w.CommunityId == community)
            .Where(w => w.Status != WishStatus.Returned && w.Status != WishStatus.Confirmed)
            .OrderBy(w => w.Status).ThenBy(w => w.PostedAt).Take(500).ToListAsync(ct);
        var body = new StringBuilder();
        if (error is not null) body.Append($"<p class=\"warn\" id=\"error\">{E(error)}</p>");
        body.Append("<p>" + StaffExport.Links("/staff/wishes/export", "export") + "（全部心愿，含已完成和已退回）</p><div class=\"panel\"><table id=\"wishes\"><tr><th>心愿</th><th>居民</th><th>小区</th><th>状态</th><th>办理</th></tr>");
        foreach (var w in wishes)
        {
            var actions = w.Status != WishStatus.Pending ? E(w.Claimer?.Name) : $"""
                <form method="post" action="/staff/wishes/{w.Id}/approve"><button class="primary">通过</button></form>
                <form method="post" action="/staff/wishes/{w.Id}/return"><input name="reason" placeholder="退回原因" required minlength="2"><button>退回</button></form>
                """;
            body.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(w.Description)}</td><td>{E(w.Resident?.Name)}</td><td>{E(w.Compound?.Name)}</td><td>{StatusName(w.Status)}</td><td>{actions}</td></tr>");
        }
        body.Append(wishes.Count == 0 ? "</table><p class=\"muted\">没有要处理的心愿。</p></div>" : "</table></div>");
        return Page("微心愿", scope, body.ToString());
    }

    /// <summary>Every wish of the scope, finished and returned ones too: the sheet is the record, the page the work queue.</summary>
    private static async Task<IResult> ExportAsync(HttpContext http, StaffCallers callers, GovBotDb db, TimeProvider time, string format, CancellationToken ct)
    {
        if (await StaffPages.RequireAsync(http, callers, ct) is not { } scope) return StaffPages.Denied(http);
        if (!scope.SeesCommunityLists) return Refused(scope, "微心愿由社区工作人员审核。");
        var community = scope.CommunityId;
        var wishes = await db.Wishes.AsNoTracking().Include(w => w.Resident).Include(w => w.Community).Include(w => w.Compound).Include(w => w.Claimer)
            .Where(w => community == null || w.CommunityId == community).OrderBy(w => w.PostedAt).ThenBy(w => w.Id).ToListAsync(ct);
        return StaffExport.File(new Sheet("微心愿", ["心愿", "居民", "社区", "小区", "状态", "发布时间", "认领人", "认领时间", "完成时间", "退回原因"],
            wishes.Select(w => new object?[]
            {
                w.Description, w.Resident?.Name, w.Community?.Name, w.Compound?.Name, StatusName(w.Status), w.PostedAt,
                w.Claimer?.Name, w.ClaimedAt, w.ConfirmedAt ?? w.FulfilledAt, w.ReturnReason,
            })), "wishes", format, time);
    }

    private static async Task<IResult> ReviewAsync(HttpContext http, StaffCallers callers, GovBotDb db, WishService wishes, int id, string action, CancellationToken ct)
    {
        if (await StaffPages.RequireAsync(http, callers, ct) is not { } scope) return StaffPages.Denied(http);
        if (await wishes.FindAsync(id, ct) is not { } wish) return Results.NotFound();
        if (!scope.AllowsCommunity(wish.CommunityId)) return Refused(scope, "只能审核本社区的心愿。");
        var actor = await db.People.FirstAsync(p => p.Id == scope.Person.Id, ct);
        var reason = (await http.Request.ReadFormAsync(ct))["reason"].ToString().Trim();
        var outcome = action switch
        {
            "approve" => await wishes.ApproveAsync(wish, actor, null, ct),
            "return" when reason.Length >= 2 => await wishes.ReturnAsync(wish, actor, reason, null, ct),
            "return" => WishOutcome.No("退回要写明原因，会告诉居民。"),
            _ => null,
        };
        if (outcome is null) return Results.NotFound();
        if (outcome.Done) await db.SaveChangesAsync(ct);
        return Results.Redirect("/staff/wishes" + (outcome.Done ? "" : "?error=" + Uri.EscapeDataString(outcome.Refusal ?? "没能办理。")));
    }
}
