using System.Globalization;
using System.Text;
using GovBot.Data.Services;
using GovBot.Data;
using GovBot.Host.Staff.Exports;
using GovBot.Skills.Nlu;
using GovBot.Skills.Services;
using Microsoft.EntityFrameworkCore;
using static GovBot.Host.Staff.StaffHtml;

namespace GovBot.Host.Staff;

/// <summary>
/// /staff/services (志愿服务): the service events of the caller's scope, coming and of the last 30 days, with their items
/// and slots (places, booked, waitlist), the volunteer tasks and the requests to join volunteer teams; forms beside them
/// write through <see cref="StaffServiceForms"/>, <see cref="StaffTaskForms"/> and <see cref="StaffJoinForms"/>. Grid
/// workers are refused, as for check-ins.
/// </summary>
public static class StaffServicesPage
{
    public const string Path = "/staff/services";
    private const string NotYours = "志愿服务由社区工作人员管理。";
    private static readonly TimeSpan Recent = TimeSpan.FromDays(30);

    public static void MapStaffServices(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, ShowAsync);
        app.MapGet(Path + "/slots." + StaffExport.Format, StaffServiceExports.SlotsAsync);
        app.MapGet(Path + "/tasks." + StaffExport.Format, StaffServiceExports.TasksAsync);
        app.MapPost(Path + "/events", StaffServiceForms.AddEventAsync);
        app.MapPost(Path + "/events/{id:int}/items", StaffServiceForms.AddItemAsync);
        app.MapPost(Path + "/items/{id:int}/slots", StaffServiceForms.AddSlotAsync);
        app.MapPost(Path + "/slots/{id:int}", StaffServiceForms.ChangeSlotAsync);
        app.MapPost(Path + "/slots/{id:int}/cancel", StaffServiceForms.CancelSlotAsync);
        app.MapPost(Path + "/events/{id:int}/cancel", StaffServiceForms.CancelEventAsync);
        app.MapPost(Path + "/events/{id:int}/move", StaffServiceForms.MoveEventAsync);
        app.MapPost(Path + "/tasks/{id:int}/move", StaffTaskForms.MoveAsync);
        app.MapPost(Path + "/tasks/{id:int}/cancel", StaffTaskForms.CancelAsync);
        app.MapPost(Path + "/tasks", StaffTaskForms.CreateAsync);
        app.MapPost(Path + "/tasks/{id:int}/hours", StaffTaskForms.HoursAsync);
        app.MapPost(Path + "/joins/{id:int}/{action}", StaffJoinForms.DecideAsync);
    }

    /// <summary>The caller's scope when they may manage services; otherwise the answer to give them.</summary>
    public static async Task<(StaffScope? Scope, IResult? Answer)> RequireAsync(HttpContext http, StaffCallers callers, CancellationToken ct)
    {
        if (await StaffPages.RequireAsync(http, callers, ct) is not { } scope) return (null, StaffPages.Denied(http));
        return scope.SeesCommunityLists ? (scope, null) : (null, Refused(scope, NotYours));
    }

    /// <summary>Where a form that passed leads (the list), or the page again with the form as filled in and why it was refused.</summary>
    public static async Task<IResult> AnswerAsync(StaffScope scope, GovBotDb db, TimeProvider time, string form, IFormCollection values, string? refusal, CancellationToken ct) =>
        refusal is null ? Results.Redirect(Path) : await RenderAsync(scope, db, time, new FormEcho(form, values, refusal), ct);

    /// <summary>The community a new event or task goes to: a county admin picks one, everyone else works in their own.</summary>
    public static int? CommunityOf(StaffScope scope, IFormCollection form) => scope.County ? StaffForm.Int(form, "community") : scope.CommunityId;

    /// <summary>Events of the scope that are coming or ended within the last 30 days, soonest first.</summary>
    public static Task<List<ServiceEvent>> EventsAsync(GovBotDb db, StaffScope scope, DateTimeOffset now, CancellationToken ct)
    {
        var since = now - Recent;
        var county = scope.County;
        var community = scope.CommunityId;
        return db.ServiceEvents.AsNoTracking().Include(e => e.Community).Include(e => e.OrganiserTeam)
            .Include(e => e.Items).ThenInclude(i => i.Slots)
            .Where(e => county || e.CommunityId == community)
            .Where(e => e.Date >= since || e.Items.Any(i => i.Slots.Any(s => s.EndsAt >= since)))
            .OrderBy(e => e.Date).ThenBy(e => e.Id).Take(200).AsSplitQuery().ToListAsync(ct);
    }

    /// <summary>Tasks of the scope still open or ended within the last 30 days, latest first, with who was asked.</summary>
    public static Task<List<VolunteerTask>> TasksAsync(GovBotDb db, StaffScope scope, DateTimeOffset now, CancellationToken ct)
    {
        var since = now - Recent;
        var county = scope.County;
        var community = scope.CommunityId;
        return db.VolunteerTasks.AsNoTracking().Include(t => t.Community).Include(t => t.Grid).Include(t => t.Team).Include(t => t.Organiser)
            .Include(t => t.Offers).ThenInclude(o => o.Person)
            .Where(t => county || t.CommunityId == community)
            .Where(t => t.EndsAt >= since || t.Status == VolunteerTaskStatus.Open || t.Status == VolunteerTaskStatus.Full)
            .OrderByDescending(t => t.StartsAt).ThenByDescending(t => t.Id).Take(200).AsSplitQuery().ToListAsync(ct);
    }

    public static string TaskStatus(VolunteerTask t, DateTimeOffset now) => t.Status switch
    {
        VolunteerTaskStatus.Done => "已完成",
        VolunteerTaskStatus.Cancelled => "已取消",
        _ when t.EndsAt <= now => "待确认时长",
        VolunteerTaskStatus.Full => "已满员",
        _ => "招募中",
    };

    private static async Task<IResult> ShowAsync(HttpContext http, StaffCallers callers, GovBotDb db, TimeProvider time, CancellationToken ct)
    {
        var (scope, answer) = await RequireAsync(http, callers, ct);
        return scope is null ? answer! : await RenderAsync(scope, db, time, null, ct);
    }

    /// <summary>The page; with <paramref name="echo"/>, the refused form is shown again as filled in, its reason on top, status 400.</summary>
    public static async Task<IResult> RenderAsync(StaffScope scope, GovBotDb db, TimeProvider time, FormEcho? echo, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var events = await EventsAsync(db, scope, now, ct);
        var slotIds = events.SelectMany(e => e.Items).SelectMany(i => i.Slots).Select(s => s.Id).ToList();
        var waiting = await db.Bookings.AsNoTracking().Where(b => slotIds.Contains(b.SlotId) && b.Status == BookingStatus.Waitlisted)
            .GroupBy(b => b.SlotId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var tasks = await TasksAsync(db, scope, now, ct);
        var choices = await StaffServiceChoices.LoadAsync(db, scope, ct);
        var joins = await StaffJoinForms.PendingAsync(db, scope, ct);

        var body = new StringBuilder();
        if (echo is not null) body.Append($"<p class=\"warn\" id=\"error\">{E(echo.Error)}</p>");
        // Asked first: someone waits for an answer, while events and tasks can be read at leisure.
        StaffJoinForms.AppendJoins(body, joins, echo);
        body.Append("<datalist id=\"service-names\">");
        foreach (var s in DefaultCategories.Services) body.Append($"<option value=\"{E(s.Name)}\">");
        body.Append("</datalist><h2>服务活动 " + StaffExport.Links("/staff/services/slots", "export-slots") + "</h2>");
        if (events.Count == 0) body.Append("<p class=\"muted\">近期没有服务活动，可以在下面新建。</p>");
        foreach (var e in events) AppendEvent(body, e, scope, waiting, now, echo);
        AppendNewEvent(body, scope, choices, now, echo);
        StaffTaskForms.AppendTasks(body, tasks, now, echo);
        StaffTaskForms.AppendNewTask(body, scope, choices, echo);
        return Page("志愿服务", scope, body.ToString(), echo is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    private static void AppendEvent(StringBuilder body, ServiceEvent e, StaffScope scope, Dictionary<int, int> waiting, DateTimeOffset now, FormEcho? echo)
    {
        var over = e.Date < now - TimeSpan.FromDays(1) && e.Items.SelectMany(i => i.Slots).All(s => s.EndsAt <= now);
        var where = string.Join(" · ", new[]
        {
            e.Date.ToOffset(ServiceWording.China).ToString("M月d日", CultureInfo.InvariantCulture), e.Place,
            scope.County ? e.Community?.Name : null, e.OrganiserTeam is { } team ? "主办：" + team.Name : null, over ? "已结束" : null,
            e.CancelledAt is not null ? "已取消" : null,
        }.OfType<string>().Select(E));
        body.Append(CultureInfo.InvariantCulture, $"""
            <div class="panel event" data-event="{e.Id}"><h2>{E(e.Title)}</h2><p class="muted">{where}</p>
            <table><tr><th>服务</th><th>时间</th><th>名额</th><th>已约</th><th>候补</th><th>修改时段</th></tr>
            """);
        foreach (var item in e.Items.OrderBy(i => i.Id))
        {
            var who = item.Provider is { } p ? $"<br><span class=\"muted\">{E(p)}</span>" : "";
            if (item.Slots.Count == 0) body.Append($"<tr><td>{E(item.Name)}{who}</td><td colspan=\"5\" class=\"muted\">还没有时段</td></tr>");
            foreach (var s in item.Slots.OrderBy(s => s.StartsAt).ThenBy(s => s.Id))
                body.Append(CultureInfo.InvariantCulture, $"""
                    <tr data-slot="{s.Id}"><td class="nowrap">{E(item.Name)}{who}</td><td class="nowrap">{StaffForm.Span(s.StartsAt, s.EndsAt)}</td><td class="capacity">{s.Capacity}</td>
                    <td class="booked">{s.Booked}</td><td class="waiting">{waiting.GetValueOrDefault(s.Id)}</td><td>{SlotEditForm(s, now, echo)}</td></tr>
                    """);
        }
        body.Append("</table>");
        if (!over && e.CancelledAt is null)
        {
            foreach (var item in e.Items.OrderBy(i => i.Id)) body.Append(SlotForm($"slot-new:{item.Id}", $"/staff/services/items/{item.Id}/slots", $"给{item.Name}加时段", echo));
            var form = $"item:{e.Id}";
            body.Append(CultureInfo.InvariantCulture, $"""
                <form method="post" action="/staff/services/events/{e.Id}/items" class="filter add-item">
                <label>服务项目 <input name="name" list="service-names" required maxlength="{ServiceCatalog.MaxItemName}" value="{E(FormEcho.Value(echo, form, "name"))}"></label>
                <label>提供方 <input name="provider" maxlength="{ServiceCatalog.MaxProvider}" value="{E(FormEcho.Value(echo, form, "provider"))}"></label>
                <button>加服务项目</button></form>
                <form method="post" action="/staff/services/events/{e.Id}/move" class="filter move-event">
                <label>改到 <input type="date" name="date" required value="{E(FormEcho.Value(echo, $"event-move:{e.Id}", "date", e.Date.ToOffset(ServiceWording.China).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))}"></label>
                <button>改期并通知已预约的人</button></form>
                <form method="post" action="/staff/services/events/{e.Id}/cancel" class="cancel-event"><button>取消整个活动并通知已预约的人</button></form>
                """);
        }
        body.Append("</div>");
    }

    private static string SlotEditForm(ServiceSlot s, DateTimeOffset now, FormEcho? echo)
    {
        if (s.CancelledAt is not null) return "<span class=\"muted cancelled\">已取消</span>";
        if (s.StartsAt <= now) return s.EndsAt <= now ? "<span class=\"muted\">已结束</span>" : "<span class=\"muted\">进行中</span>";
        var form = $"slot:{s.Id}";
        return $"""
            <form method="post" action="/staff/services/slots/{s.Id}" class="edit-slot">
            <input type="datetime-local" name="start" aria-label="开始" required value="{E(FormEcho.Value(echo, form, "start", StaffForm.Input(s.StartsAt)))}">
            <input type="datetime-local" name="end" aria-label="结束" required value="{E(FormEcho.Value(echo, form, "end", StaffForm.Input(s.EndsAt)))}">
            <input type="number" name="capacity" aria-label="名额" required min="1" max="{ServiceCatalog.MaxCapacity}" value="{E(FormEcho.Value(echo, form, "capacity", s.Capacity.ToString(CultureInfo.InvariantCulture)))}">
            <button>保存</button></form>
            <form method="post" action="/staff/services/slots/{s.Id}/cancel" class="cancel-slot"><button>取消这个时段并通知已预约的人</button></form>
            """;
    }

    private static string SlotForm(string form, string action, string label, FormEcho? echo) => $"""
        <form method="post" action="{action}" class="filter add-slot"><b>{E(label)}</b>
        <label>开始 <input type="datetime-local" name="start" required value="{E(FormEcho.Value(echo, form, "start"))}"></label>
        <label>结束 <input type="datetime-local" name="end" required value="{E(FormEcho.Value(echo, form, "end"))}"></label>
        <label>名额 <input type="number" name="capacity" required min="1" max="{ServiceCatalog.MaxCapacity}" value="{E(FormEcho.Value(echo, form, "capacity"))}"></label>
        <button class="primary">加时段</button></form>
        """;

    private static void AppendNewEvent(StringBuilder body, StaffScope scope, StaffServiceChoices choices, DateTimeOffset now, FormEcho? echo)
    {
        const string form = "event";
        var today = now.ToOffset(ServiceWording.China).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        body.Append(CultureInfo.InvariantCulture, $"""
            <div class="panel" id="new-event"><h2>新建服务活动</h2><form method="post" action="/staff/services/events" class="filter">
            <label>活动名称 <input name="title" required maxlength="{ServiceCatalog.MaxTitle}" placeholder="便民服务日" value="{E(FormEcho.Value(echo, form, "title"))}"></label>
            <label>地点 <input name="place" required maxlength="{ServiceCatalog.MaxPlace}" value="{E(FormEcho.Value(echo, form, "place"))}"></label>
            <label>日期 <input type="date" name="date" required min="{today}" value="{E(FormEcho.Value(echo, form, "date"))}"></label>
            <label>主办队伍 {choices.Teams("team", FormEcho.Value(echo, form, "team"), byName: false)}</label>
            {choices.Communities(scope, FormEcho.Value(echo, form, "community"))}
            <button class="primary">新建活动</button></form><p class="muted">建好后给活动加服务项目和时段，居民就能在企业微信里预约。</p></div>
            """);
    }
}
