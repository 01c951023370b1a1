using System.Globalization;
using System.Text;
using GovBot.Host.Reminders;
using GovBot.Host.Staff.Exports;
using GovBot.Skills.Spreadsheets;
using Quartz;
using static GovBot.Host.Staff.StaffHtml;

namespace GovBot.Host.Staff;

/// <summary>/staff/reminders: the reminder kinds with their schedules and next firing, seen by a county admin or a secretary, paused or resumed by the county admin.</summary>
public static class StaffRemindersPage
{
    public static void MapStaffReminders(this IEndpointRouteBuilder app)
    {
        app.MapGet("/staff/reminders", ShowAsync).RequireAuthorization(StaffAccess.Secretary);
        app.MapGet("/staff/reminders/export." + StaffExport.Format, ExportAsync).RequireAuthorization(StaffAccess.Secretary);
        // A pause holds for every community, so only the county decides it.
        app.MapPost("/staff/reminders/{kind}/{action}", SetAsync).RequireAuthorization(StaffAccess.County);
    }

    // Who may call each of these is declared where they are mapped; the handlers take the caller's scope.
    private static async Task<IResult> ShowAsync(StaffScope scope, ISchedulerFactory factory, ReminderKinds kinds, CancellationToken ct)
    {
        var scheduler = await factory.GetScheduler(ct);
        var body = new StringBuilder("<p class=\"muted\">暂停对所有社区生效，由县里管理员操作；暂停期间错过的提醒不会补发。 " + StaffExport.Links("/staff/reminders/export", "export") + "</p><div class=\"panel\"><table id=\"reminders\"><tr><th>提醒</th><th>时间</th><th>下次</th><th></th></tr>");
        foreach (var kind in kinds.All)
        {
            var r = await RemindersApi.DescribeAsync(scheduler, kind, ct);
            var next = r.Paused ? "已暂停" : Next(r.NextFireAt);
            var (action, label) = r.Paused ? ("resume", "恢复") : ("pause", "暂停");
            var form = scope.County ? $"<form method=\"post\" action=\"/staff/reminders/{Uri.EscapeDataString(r.Kind)}/{action}\"><button>{label}</button></form>" : "";
            body.Append(CultureInfo.InvariantCulture, $"<tr data-kind=\"{E(r.Kind)}\"><td>{E(r.Name)}</td><td>{E(ReminderScheduleWords.Describe(r.Schedule))}</td><td class=\"next\">{E(next)}</td><td>{form}</td></tr>");
        }
        body.Append("</table></div>");
        return Page("提醒", scope, body.ToString());
    }

    private static string Next(DateTimeOffset? at) => at?.ToString("M月d日 HH:mm", CultureInfo.InvariantCulture) ?? "—";

    private static async Task<IResult> ExportAsync(ISchedulerFactory factory, ReminderKinds kinds, TimeProvider time, string format, CancellationToken ct)
    {
        var scheduler = await factory.GetScheduler(ct);
        var rows = new List<object?[]>();
        foreach (var kind in kinds.All)
        {
            var r = await RemindersApi.DescribeAsync(scheduler, kind, ct);
            rows.Add([r.Name, ReminderScheduleWords.Describe(r.Schedule), r.Paused ? "已暂停" : "进行中", r.Paused ? null : r.NextFireAt]);
        }
        return StaffExport.File(new Sheet("提醒", ["提醒", "时间", "状态", "下次"], rows), "reminders", format, time);
    }

    private static async Task<IResult> SetAsync(ISchedulerFactory factory, ReminderKinds kinds, string kind, string action, CancellationToken ct)
    {
        if (kinds.Find(kind) is not { } found || action is not ("pause" or "resume")) return Results.NotFound();
        await RemindersApi.PauseAsync(await factory.GetScheduler(ct), found, action == "pause", ct);
        return Results.Redirect("/staff/reminders");
    }
}
