using System.Globalization;
using System.Text;
using GovBot.Data.Services;
using GovBot.Data;
using GovBot.Host.Services;
using GovBot.Host.Staff.Exports;
using GovBot.Skills.Services;
using static GovBot.Host.Staff.StaffHtml;

namespace GovBot.Host.Staff;

/// <summary>
/// The volunteer tasks on /staff/services: the list, the form to post a task and the form to confirm who came and for
/// how long. Both forms go through <see cref="VolunteerTaskRequests"/>, the path of POST /api/services/tasks and its
/// hours endpoint, so matching volunteers get the same card and the same thanks.
/// </summary>
public static class StaffTaskForms
{
    private const string OtherCommunity = "只能管理本社区的志愿任务。";

    public static async Task<IResult> CreateAsync(HttpContext http, StaffCallers callers, GovBotDb db, VolunteerTaskService tasks, TimeProvider time, CancellationToken ct)
    {
        var (scope, answer) = await StaffServicesPage.RequireAsync(http, callers, ct);
        if (scope is null) return answer!;
        var form = await http.Request.ReadFormAsync(ct);
        return await StaffServicesPage.AnswerAsync(scope, db, time, "task", form, await TryCreateAsync(http, db, tasks, time, scope, form, ct), ct);
    }

    private static async Task<string?> TryCreateAsync(HttpContext http, GovBotDb db, VolunteerTaskService tasks, TimeProvider time, StaffScope scope, IFormCollection form, CancellationToken ct)
    {
        if (StaffServicesPage.CommunityOf(scope, form) is not { } communityId) return "请选择社区。";
        if (StaffForm.ChinaTime(form, "start") is not { } startsAt || StaffForm.ChinaTime(form, "end") is not { } endsAt) return "请填写开始和结束时间。";
        if (StaffForm.Int(form, "needed") is not { } needed) return "请填写需要几人。";
        if (StaffForm.Choice(form, "grid") is not (true, var gridId)) return "网格请从列表里选。";
        var request = new ServicesApi.TaskRequest(StaffForm.Text(form, "title"), StaffForm.Text(form, "place"), startsAt, endsAt, needed,
            form["skills"].OfType<string>().ToList(), gridId, StaffForm.Text(form, "team"), StaffForm.Text(form, "instructions"), communityId);
        var (draft, why) = await VolunteerTaskRequests.DraftAsync(db, request, communityId, time, ct);
        if (draft is null) return why;
        await VolunteerTaskRequests.CreateAsync(http, db, tasks, draft, scope.Person, ct);
        return null;
    }

    public static async Task<IResult> HoursAsync(HttpContext http, StaffCallers callers, GovBotDb db, VolunteerTaskService tasks, TimeProvider time, int id, CancellationToken ct)
    {
        var (scope, answer) = await StaffServicesPage.RequireAsync(http, callers, ct);
        if (scope is null) return answer!;
        if (await tasks.FindAsync(id, ct) is not { } task) return Results.NotFound();
        if (!VolunteerTaskRequests.MayConfirmHours(scope.Person, task)) return Refused(scope, "只能确认本社区任务的时长。");
        var form = await http.Request.ReadFormAsync(ct);
        return await StaffServicesPage.AnswerAsync(scope, db, time, $"hours:{id}", form, await TryConfirmAsync(http, tasks, time, scope, task, form, ct), ct);
    }

    private static async Task<string?> TryConfirmAsync(HttpContext http, VolunteerTaskService tasks, TimeProvider time, StaffScope scope, VolunteerTask task, IFormCollection form, CancellationToken ct)
    {
        if (task.Status == VolunteerTaskStatus.Done) return "这个任务的时长已经确认过了。";
        if (task.Status == VolunteerTaskStatus.Cancelled) return "这个任务已经取消了，不记时长。";
        if (task.EndsAt > time.GetUtcNow()) return "任务结束后才能确认时长。";
        if (StaffForm.Number(form, "hours") is not { } hours) return "请填写时长（小时）。";
        if (VolunteerTaskRequests.HoursRefusal(hours) is { } why) return why;
        await VolunteerTaskRequests.ConfirmHoursAsync(http, tasks, task, scope.Person, form["attended"].OfType<string>().ToList(), hours, ct);
        return null;
    }

    /// <summary>New start and end for a task not yet started; the volunteers who accepted hear the new time.</summary>
    public static async Task<IResult> MoveAsync(HttpContext http, StaffCallers callers, GovBotDb db, VolunteerTaskService tasks, ServicePlans plans, TimeProvider time, int id, CancellationToken ct)
    {
        var (scope, answer) = await StaffServicesPage.RequireAsync(http, callers, ct);
        if (scope is null) return answer!;
        if (await tasks.FindAsync(id, ct) is not { } task) return Results.NotFound();
        if (!scope.AllowsCommunity(task.CommunityId)) return Refused(scope, OtherCommunity);
        var form = await http.Request.ReadFormAsync(ct);
        var refusal = StaffForm.ChinaTime(form, "start") is { } startsAt && StaffForm.ChinaTime(form, "end") is { } endsAt
            ? (await plans.MoveTaskAsync(task, startsAt, endsAt, ct)).Refusal
            : "请填写开始和结束时间。";
        if (refusal is null) StaffServiceForms.Signal(http);
        return await StaffServicesPage.AnswerAsync(scope, db, time, $"task-move:{id}", form, refusal, ct);
    }

    /// <summary>Calls a task off: no more pushes, reminders or hours; the volunteers who accepted are told.</summary>
    public static async Task<IResult> CancelAsync(HttpContext http, StaffCallers callers, GovBotDb db, VolunteerTaskService tasks, ServicePlans plans, TimeProvider time, int id, CancellationToken ct)
    {
        var (scope, answer) = await StaffServicesPage.RequireAsync(http, callers, ct);
        if (scope is null) return answer!;
        if (await tasks.FindAsync(id, ct) is not { } task) return Results.NotFound();
        if (!scope.AllowsCommunity(task.CommunityId)) return Refused(scope, OtherCommunity);
        var form = await http.Request.ReadFormAsync(ct);
        var refusal = (await plans.CancelTaskAsync(task, ct)).Refusal;
        if (refusal is null) StaffServiceForms.Signal(http);
        return await StaffServicesPage.AnswerAsync(scope, db, time, $"task-cancel:{id}", form, refusal, ct);
    }

    public static void AppendTasks(StringBuilder body, IReadOnlyList<VolunteerTask> tasks, DateTimeOffset now, FormEcho? echo)
    {
        body.Append($"""
            <h2>志愿任务 {StaffExport.Links("/staff/services/tasks", "export-tasks")}</h2>
            <div class="panel"><table id="tasks"><tr><th>任务</th><th>时间</th><th>地点</th><th>需要</th><th>已接单</th><th>状态</th><th>到场和时长</th><th>改时间或取消</th></tr>
            """);
        foreach (var t in tasks)
            body.Append(CultureInfo.InvariantCulture, $"""
                <tr data-task="{t.Id}"><td>{E(t.Title)}</td><td class="nowrap">{StaffForm.Span(t.StartsAt, t.EndsAt)}</td><td>{E(t.Place)}</td><td>{t.Needed}</td>
                <td class="accepted">{t.Accepted}</td><td class="status">{StaffServicesPage.TaskStatus(t, now)}</td><td>{HoursForm(t, now, echo)}</td><td>{PlansForms(t, now, echo)}</td></tr>
                """);
        body.Append(tasks.Count == 0 ? "</table><p class=\"muted\">近期没有志愿任务。</p></div>" : "</table></div>");
    }

    private static string HoursForm(VolunteerTask t, DateTimeOffset now, FormEcho? echo)
    {
        var came = t.Offers.Where(o => o.Answer == TaskAnswer.Accepted).OrderBy(o => o.AnsweredAt).ToList();
        if (t.Status is VolunteerTaskStatus.Done or VolunteerTaskStatus.Cancelled || t.EndsAt > now) return "";
        if (came.Count == 0) return "<span class=\"muted\">没有人接单</span>";
        var form = $"hours:{t.Id}";
        var html = new StringBuilder($"<form method=\"post\" action=\"/staff/services/tasks/{t.Id}/hours\" class=\"hours\">");
        foreach (var o in came)
        {
            var user = o.Person!.WeComUserId;
            var ticked = echo?.Form == form ? FormEcho.Ticked(echo, form, "attended", user) : true;
            html.Append($"<label><input type=\"checkbox\" name=\"attended\" value=\"{E(user)}\"{(ticked ? " checked" : "")}>{E(o.Person.Name)}</label> ");
        }
        var usual = (Math.Round((t.EndsAt - t.StartsAt).TotalHours * 2) / 2).ToString("0.#", CultureInfo.InvariantCulture);
        html.Append(CultureInfo.InvariantCulture, $"""
            <label><input type="number" name="hours" step="0.5" min="0.5" max="24" required value="{E(FormEcho.Value(echo, form, "hours", usual))}">小时</label>
            <button class="primary">确认</button></form>
            """);
        return html.ToString();
    }

    /// <summary>Move or cancel, while the task has not started and is neither done nor cancelled.</summary>
    private static string PlansForms(VolunteerTask t, DateTimeOffset now, FormEcho? echo)
    {
        if (t.Status is VolunteerTaskStatus.Done or VolunteerTaskStatus.Cancelled || t.StartsAt <= now) return "";
        var form = $"task-move:{t.Id}";
        return $"""
            <form method="post" action="/staff/services/tasks/{t.Id}/move" class="move-task">
            <input type="datetime-local" name="start" aria-label="开始" required value="{E(FormEcho.Value(echo, form, "start", StaffForm.Input(t.StartsAt)))}">
            <input type="datetime-local" name="end" aria-label="结束" required value="{E(FormEcho.Value(echo, form, "end", StaffForm.Input(t.EndsAt)))}">
            <button>改时间并通知已接单的人</button></form>
            <form method="post" action="/staff/services/tasks/{t.Id}/cancel" class="cancel-task"><button>取消这个任务并通知已接单的人</button></form>
            """;
    }

    public static void AppendNewTask(StringBuilder body, StaffScope scope, StaffServiceChoices choices, FormEcho? echo)
    {
        const string form = "task";
        string V(string field) => E(FormEcho.Value(echo, form, field));
        var skills = string.Concat(choices.Skills.Select(s =>
            $"<label><input type=\"checkbox\" name=\"skills\" value=\"{E(s)}\"{(FormEcho.Ticked(echo, form, "skills", s) ? " checked" : "")}>{E(s)}</label> "));
        body.Append(CultureInfo.InvariantCulture, $"""
            <div class="panel" id="new-task"><h2>发布志愿任务</h2><form method="post" action="/staff/services/tasks">
            <p class="filter"><label>任务 <input name="title" required maxlength="{VolunteerTaskRequests.MaxTitle}" placeholder="集市维持秩序" value="{V("title")}"></label>
            <label>地点 <input name="place" required maxlength="{VolunteerTaskRequests.MaxPlace}" value="{V("place")}"></label>
            <label>开始 <input type="datetime-local" name="start" required value="{V("start")}"></label>
            <label>结束 <input type="datetime-local" name="end" required value="{V("end")}"></label>
            <label>需要人数 <input type="number" name="needed" required min="1" max="{VolunteerTaskRequests.MaxNeeded}" value="{V("needed")}"></label></p>
            <p>需要的服务（不选则不限）：{skills}</p>
            <p class="filter"><label>网格 {choices.Grids("grid", FormEcho.Value(echo, form, "grid"))}</label>
            <label>志愿服务队 {choices.Teams("team", FormEcho.Value(echo, form, "team"), byName: true)}</label>
            {choices.Communities(scope, FormEcho.Value(echo, form, "community"))}</p>
            <p><label>注意事项（接单后告诉志愿者）<br><textarea name="instructions" rows="2" cols="40" maxlength="{VolunteerTaskRequests.MaxInstructions}">{V("instructions")}</textarea></label></p>
            <p><button class="primary">发布并推送</button> <span class="muted">会推送给服务队成员和报到时选了这些服务的党员，他们在企业微信里点「接单」。</span></p></form></div>
            """);
    }
}
