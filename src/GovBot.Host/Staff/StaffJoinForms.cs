using System.Globalization;
using System.Text;
using GovBot.Data;
using GovBot.Data.People;
using GovBot.Skills.CheckIns;
using GovBot.Skills.Volunteers;
using Microsoft.EntityFrameworkCore;
using static GovBot.Host.Staff.StaffHtml;

namespace GovBot.Host.Staff;

/// <summary>
/// 入队申请 on /staff/services: requests to join the scope's volunteer teams that wait for a decision, with 同意 and
/// 婉拒 (with a reason). Both go through <see cref="VolunteerTeamService"/>, the path of the lead's card, so the
/// applicant gets the same push and a card already answered cannot be answered again here.
/// </summary>
public static class StaffJoinForms
{
    /// <summary>Pending requests to teams of the scope's community (every team for a county admin), oldest first.</summary>
    public static Task<List<VolunteerJoinRequest>> PendingAsync(GovBotDb db, StaffScope scope, CancellationToken ct)
    {
        var county = scope.County;
        var community = scope.CommunityId;
        return db.VolunteerJoinRequests.AsNoTracking()
            .Include(r => r.Team!).ThenInclude(t => t.Lead)
            .Include(r => r.Person!).ThenInclude(p => p.Compound)
            .Where(r => r.Status == VolunteerJoinStatus.Pending && (county || r.Team!.CommunityId == community))
            .OrderBy(r => r.RequestedAt).ThenBy(r => r.Id).Take(200).ToListAsync(ct);
    }

    public static async Task<IResult> DecideAsync(
        HttpContext http, StaffCallers callers, GovBotDb db, VolunteerTeamService teams, TimeProvider time, int id, string action, CancellationToken ct)
    {
        var (scope, answer) = await StaffServicesPage.RequireAsync(http, callers, ct);
        if (scope is null) return answer!;
        if (action is not ("approve" or "decline") || await teams.FindAsync(id, ct) is not { } request) return Results.NotFound();
        if (!scope.AllowsCommunity(request.Team!.CommunityId)) return Refused(scope, "只能审核本社区志愿服务队的入队申请。");
        var form = await http.Request.ReadFormAsync(ct);
        var actor = await db.People.FirstAsync(p => p.Id == scope.Person.Id, ct);
        var outcome = action == "approve"
            ? await teams.ApproveAsync(request, actor, null, ct)
            : await teams.DeclineAsync(request, actor, StaffForm.Text(form, "reason"), null, ct);
        if (outcome.Done) await db.SaveChangesAsync(ct);
        return await StaffServicesPage.AnswerAsync(scope, db, time, $"join:{id}", form, outcome.Refusal, ct);
    }

    public static void AppendJoins(StringBuilder body, IReadOnlyList<VolunteerJoinRequest> pending, FormEcho? echo)
    {
        body.Append("""
            <h2>入队申请</h2>
            <div class="panel"><table id="joins"><tr><th>申请人</th><th>志愿服务队</th><th>能提供</th><th>申请时间</th><th>办理</th></tr>
            """);
        foreach (var r in pending)
        {
            var lead = r.Team!.Lead is { } l ? $"<br><span class=\"muted\">队长{E(l.Name)}</span>" : "";
            var reason = E(FormEcho.Value(echo, $"join:{r.Id}", "reason"));
            body.Append(CultureInfo.InvariantCulture, $"""
                <tr data-join="{r.Id}"><td>{E(r.Person!.Name)}<br><span class="muted">{E(r.Person.Compound?.Name)}</span></td><td>{E(r.Team.Name)}{lead}</td>
                <td>{E(VolunteerWording.Services(r.Services))}</td><td class="nowrap">{CheckInWording.Date(r.RequestedAt)}</td>
                <td><form method="post" action="/staff/services/joins/{r.Id}/approve" class="hours"><button class="primary">同意</button></form>
                <form method="post" action="/staff/services/joins/{r.Id}/decline" class="hours"><input name="reason" aria-label="婉拒原因" placeholder="婉拒原因（会转告本人）" required minlength="2" maxlength="{VolunteerTeamService.MaxReason}" value="{reason}"><button>婉拒</button></form></td></tr>
                """);
        }
        body.Append(pending.Count == 0 ? "</table><p class=\"muted\">没有待审核的入队申请。</p></div>" : "</table></div>");
    }
}
