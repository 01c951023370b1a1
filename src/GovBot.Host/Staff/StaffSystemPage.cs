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
        body.Append("</div><p class=\"muted\">回复条数里「被动回复」是在企业微信回调里直接答复的，其余为主动推送。推送失败指企业微信拒收或需要重试的消息，按消息产生的时间计。</p>");
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

    private static void Panel(StringBuilder body, string title, string content) =>
        body.Append($"<section class=\"panel\"><h2>{E(title)}</h2>{content}</section>");

    private static string Oldest(SystemFigures.Backlog b) =>
        b.OldestWait is { } w ? $"最早一条已等{(long)w.TotalMinutes}分钟" : "";

    private static string Share(int part, int whole) =>
        whole == 0 ? "—" : (100.0 * part / whole).ToString("0", CultureInfo.InvariantCulture) + "%";
}
