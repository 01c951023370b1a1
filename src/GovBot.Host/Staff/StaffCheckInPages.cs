using System.Globalization;
using System.Text;
using GovBot.Data.CheckIns;
using GovBot.Data;
using GovBot.Host.Staff.Exports;
using GovBot.Skills.CheckIns;
using Microsoft.EntityFrameworkCore;
using static GovBot.Host.Staff.StaffHtml;

namespace GovBot.Host.Staff;

/// <summary>
/// /staff/checkins: 双报到 waiting for review, with 通过 / 退回 through <see cref="CheckInService"/> (the member gets
/// the same push as from the card). A unit not yet in the store is flagged with the closest existing names, so a
/// badly typed name is not approved unawares.
/// </summary>
public static class StaffCheckInPages
{
    public static void MapStaffCheckIns(this IEndpointRouteBuilder app)
    {
        app.MapGet("/staff/checkins", ListAsync);
        app.MapPost("/staff/checkins/{id:int}/{action}", ReviewAsync);
    }

    private static async Task<IResult> ListAsync(HttpContext http, StaffCallers callers, CheckInRoster roster, CheckInService checkIns, string? error, CancellationToken ct)
    {
        if (await StaffPages.RequireAsync(http, callers, ct) is not { } scope) return StaffPages.Denied(http);
        if (!scope.SeesCommunityLists) return Refused(scope, "报到由社区工作人员审核。");
        var pending = await roster.ListAsync(new RosterFilter(scope.CommunityId, CheckInStatus.Pending), ct);
        var body = new StringBuilder();
        if (error is not null) body.Append($"<p class=\"warn\" id=\"error\">{E(error)}</p>");
        body.Append("<p>" + StaffExport.Links("/api/checkins/export", "export", label: "导出全部报到（表格）") + "</p><div class=\"panel\"><table id=\"checkins\"><tr><th>姓名</th><th>类型</th><th>住址</th><th>单位或组织</th><th>电话</th><th>办理</th></tr>");
        foreach (var c in pending)
        {
            var newUnit = await checkIns.CloseUnitsAsync(c, ct) is { } close ? $"<br><span class=\"warn new-unit\">{E(CheckInWording.NewUnitNote(close))}</span>" : "";
            body.Append(CultureInfo.InvariantCulture, $"""
                <tr><td>{E(c.Name)}</td><td>{CheckInWording.Kind(c.Kind)}</td><td>{E(c.Compound?.Name)} {E(c.Building?.Name)}</td>
                <td>{E(CheckInWording.Unit(c))}{newUnit}<br><span class="muted">{E(CheckInWording.Organisation(c))}</span></td><td>{E(CheckInWording.MaskPhone(c.Phone))}</td>
                <td><form method="post" action="/staff/checkins/{c.Id}/approve"><button class="primary">通过</button></form>
                <form method="post" action="/staff/checkins/{c.Id}/return"><input name="reason" placeholder="退回原因" required minlength="2"><button>退回</button></form></td></tr>
                """);
        }
        body.Append(pending.Count == 0 ? "</table><p class=\"muted\">没有待审核的报到。</p></div>" : "</table></div>");
        return Page("待审核的报到", scope, body.ToString());
    }

    private static async Task<IResult> ReviewAsync(HttpContext http, StaffCallers callers, GovBotDb db, CheckInService checkIns, int id, string action, CancellationToken ct)
    {
        if (await StaffPages.RequireAsync(http, callers, ct) is not { } scope) return StaffPages.Denied(http);
        if (await checkIns.FindAsync(id, ct) is not { } checkIn) return Results.NotFound();
        if (!scope.AllowsCommunity(checkIn.CommunityId)) return Refused(scope, "只能审核本社区的报到。");
        var actor = await db.People.FirstAsync(p => p.Id == scope.Person.Id, ct);
        var reason = (await http.Request.ReadFormAsync(ct))["reason"].ToString().Trim();
        var outcome = action switch
        {
            "approve" => await checkIns.ApproveAsync(checkIn, actor, null, ct),
            "return" when reason.Length >= 2 => await checkIns.ReturnAsync(checkIn, actor, reason, null, ct),
            "return" => ReviewOutcome.No("退回要写明原因，会告诉本人。"),
            _ => null,
        };
        if (outcome is null) return Results.NotFound();
        if (outcome.Done) await db.SaveChangesAsync(ct);
        return Results.Redirect("/staff/checkins" + (outcome.Done ? "" : "?error=" + Uri.EscapeDataString(outcome.Refusal ?? "没能办理。")));
    }
}
