using System.Globalization;
using System.Text;
using GovBot.Host.Reminders;
using Quartz;
using static GovBot.Host.Staff.StaffHtml;

namespace GovBot.Host.Staff;

/// <summary>
/// /staff/system 「系统」, for county administrators: is the bot answering, understanding and reaching people?
/// Warnings in plain Chinese first (or 「一切正常」), then the backlog now, then each figure as a chart per hour over
/// the last 24 hours and per day over the last 30 days.
/// </summary>
public static class StaffSystemPage
{
    public static void MapStaffSystem(this IEndpointRouteBuilder pages)
    {
        pages.MapGet("/staff/system", ShowAsync);
    }

    private static async Task<IResult> ShowAsync(
        StaffScope scope, SystemFigures figures, ISchedulerFactory factory, ReminderKinds kinds, CancellationToken ct)
    {
        var n = await figures.ReadAsync(ct);
        var warnings = await SystemWarnings.ReadAsync(n, factory, kinds, ct);
        var body = new StringBuilder("<section class=\"panel\" id=\"warnings\">");
        if (warnings.Count == 0) body.Append("<p id=\"all-well\">一切正常</p>");
        else
            foreach (var w in warnings)
                body.Append($"<p class=\"warn\">{E(w)}</p>");
        body.Append("</section>");
        body.Append(CultureInfo.InvariantCulture, $"""
            <div class="kpi" style="margin-top:1em"><div id="kpi-inbox">待处理的消息<b>{n.Inbox.Count}</b>{Oldest(n.Inbox)}</div>
            <div id="kpi-outbox">待发送的消息<b>{n.Outbox.Count}</b>{Oldest(n.Outbox)}</div>
            <div id="kpi-missed">近24小时没听懂<b>{Share(n.MissedLastDay, n.TextsLastDay)}</b>{n.MissedLastDay}条/{n.TextsLastDay}条</div>
            <div id="kpi-failing">近1小时推送失败<b>{n.FailingLastHour}</b>条</div></div>
            <h2>最近24小时（每小时）</h2><div class="grid">
            """);
        Charts(body, "24h", n, s => s.Hours);
        body.Append("</div><h2>最近30天（每天）</h2><div class=\"grid\">");
        Charts(body, "30d", n, s => s.Days);
        body.Append("</div>");
        Reminders(body, n, kinds);
        WeComErrors(body, n);
        body.Append("<p class=\"muted\">回复条数里「被动回复」是在企业微信回调里直接答复的，其余为主动推送。推送失败指企业微信拒收或需要重试的消息，按消息产生的时间计。</p>");
        return Page("系统", scope, body.ToString());
    }

    private static void Charts(StringBuilder body, string period, SystemFigures.Numbers n, Func<SystemFigures.Series, IReadOnlyList<(string, double)>> pick)
    {
        Panel(body, "回复的消息", SvgBarChart.Render($"chart-answered-{period}", "回复的消息", pick(n.Answered)));
        Panel(body, "其中被动回复", SvgBarChart.Render($"chart-passive-{period}", "被动回复", pick(n.Passive)));
        Panel(body, "没听懂的话", SvgBarChart.Render($"chart-missed-{period}", "没听懂的话", pick(n.NotUnderstood)));
        Panel(body, "发出的推送", SvgBarChart.Render($"chart-sent-{period}", "发出的推送", pick(n.PushesSent)));
        Panel(body, "发送失败的推送", SvgBarChart.Render($"chart-failing-{period}", "发送失败的推送", pick(n.PushesFailing)));
    }

    /// <summary>Reminder runs by kind, from the samples written every 5 minutes (so up to 5 minutes behind).</summary>
    private static void Reminders(StringBuilder body, SystemFigures.Numbers n, ReminderKinds kinds)
    {
        body.Append("<h2>提醒运行次数</h2><div class=\"panel\"><table id=\"reminder-runs\"><tr><th>提醒</th><th>近24小时 发出/无人需提醒/出错</th><th>近30天 发出/无人需提醒/出错</th></tr>");
        foreach (var r in n.Reminders)
            body.Append(CultureInfo.InvariantCulture, $"<tr data-kind=\"{E(r.Kind)}\"><td>{E(kinds.Find(r.Kind)?.Name ?? "其他提醒")}</td><td>{r.FiredDay} / {r.SkippedDay} / {r.FailedDay}</td><td>{r.FiredMonth} / {r.SkippedMonth} / {r.FailedMonth}</td></tr>");
        body.Append(n.Reminders.Count == 0 ? "</table><p class=\"muted\">最近30天还没有提醒运行的记录。</p></div>" : "</table><p class=\"muted\">每5分钟记录一次，最近几分钟的可能还没算进来。</p></div>");
    }

    /// <summary>Errors WeCom answered with (-2: no answer at all), from the same samples.</summary>
    private static void WeComErrors(StringBuilder body, SystemFigures.Numbers n)
    {
        body.Append("<h2>企业微信返回的错误</h2><div class=\"panel\"><table id=\"wecom-errors\"><tr><th>错误码</th><th>近24小时</th><th>近30天</th></tr>");
        foreach (var (code, day, month) in n.WeComErrors)
            body.Append(CultureInfo.InvariantCulture, $"<tr data-errcode=\"{E(code)}\"><td>{(code == "-2" ? "没有应答（网络或超时）" : E(code))}</td><td>{day}</td><td>{month}</td></tr>");
        body.Append(n.WeComErrors.Count == 0 ? "</table><p class=\"muted\">最近30天企业微信没有报错。</p></div>" : "</table><p class=\"muted\">错误码的含义见企业微信开发者文档「全局错误码」。</p></div>");
    }

    private static void Panel(StringBuilder body, string title, string content) =>
        body.Append($"<section class=\"panel\"><h2>{E(title)}</h2>{content}</section>");

    private static string Oldest(SystemFigures.Backlog b) =>
        b.OldestWait is { } w ? $"最早一条已等{(long)w.TotalMinutes}分钟" : "";

    private static string Share(int part, int whole) =>
        whole == 0 ? "—" : (100.0 * part / whole).ToString("0", CultureInfo.InvariantCulture) + "%";
}
