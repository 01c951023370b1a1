using System.Globalization;
using System.Text;
using GovBot.Skills.Reports;
using static GovBot.Host.Staff.StaffHtml;

namespace GovBot.Host.Staff;

/// <summary>GET /staff: the county, community or grids at a glance for a date range (?from=&amp;to=, China dates).</summary>
public static class StaffDashboardPage
{
    public static async Task<IResult> ShowAsync(HttpContext http, StaffCallers callers, DashboardQuery query, TimeProvider time, string? from, string? to, CancellationToken ct)
    {
        if (await StaffPages.RequireAsync(http, callers, ct) is not { } scope) return StaffPages.Denied(http);
        var (start, end) = StaffPages.Range(from, to, time);
        var n = await query.ReadAsync(scope, start, end, ct);
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"""
            <form class="filter" method="get"><label>从 <input type="date" name="from" value="{StaffPages.Day(start)}"></label>
            <label>到 <input type="date" name="to" value="{StaffPages.Day(end.AddDays(-1))}"></label><button>查看</button>
            <span class="muted">范围：{E(scope.Describe(scope.Person.Community?.Name))}</span></form>
            <div class="kpi"><div id="kpi-reports">说事<b>{n.Reports}</b>件</div>
            <div id="kpi-accept">受理用时中位数<b>{Span(n.MedianToAccept)}</b></div>
            <div id="kpi-handle">办结用时中位数<b>{Span(n.MedianToHandle)}</b></div>
            <div id="kpi-satisfaction">满意率<b>{(n.Rated == 0 ? "—" : (100.0 * n.Satisfied / n.Rated).ToString("0", CultureInfo.InvariantCulture) + "%")}</b>{n.Rated}人评价</div>
            <div id="kpi-overdue">超时<b>{n.Overdue.Count}</b>件</div></div>
            <div class="grid" style="margin-top:1em">
            """);
        Panel(body, "说事状态", SvgBarChart.Render("chart-status", "说事状态", n.ByStatus));
        Panel(body, "说事类别", SvgBarChart.Render("chart-category", "说事类别", n.ByCategory));
        Panel(body, "各网格说事", SvgBarChart.Render("chart-grid", "各网格说事", n.ByGrid));
        if (n.CheckInsByKind is { } kinds) Panel(body, "双报到（在册）", SvgBarChart.Render("chart-checkins", "双报到", kinds));
        if (n.CheckInsByUnit is { Count: > 0 } units) Panel(body, "双报到（按单位）", SvgBarChart.Render("chart-checkin-units", "双报到单位", units));
        if (n.BookingsByStatus is { } bookings)
            Panel(body, "志愿服务预约", SvgBarChart.Render("chart-bookings", "志愿服务预约", bookings)
                + $"<p id=\"volunteer-hours\">志愿服务时长：{n.VolunteerHours?.ToString("0.#", CultureInfo.InvariantCulture)} 小时</p>");
        if (n.PointsByBranch is { } points) Panel(body, "红色积分（按支部，今年）", SvgBarChart.Render("chart-points", "红色积分", points, "分"));
        body.Append("</div><div class=\"panel\" style=\"margin-top:1em\"><h2>超时未办</h2>");
        if (n.Overdue.Count == 0) body.Append("<p class=\"muted\">没有超时的说事。</p>");
        else
        {
            body.Append("<table id=\"overdue\"><tr><th>编号</th><th>类别</th><th>地点</th><th>超时</th></tr>");
            foreach (var o in n.Overdue)
                body.Append(CultureInfo.InvariantCulture, $"<tr><td><a href=\"/staff/reports/{o.Id}\">{E(o.Ticket)}</a></td><td>{E(o.Category)}</td><td>{E(o.Place)}</td><td class=\"warn\">{E(o.Late)}</td></tr>");
            body.Append("</table>");
        }
        body.Append("</div>");
        return Page("概览", scope, body.ToString());
    }

    private static void Panel(StringBuilder body, string title, string content) =>
        body.Append($"<section class=\"panel\"><h2>{E(title)}</h2>{content}</section>");

    private static string Span(TimeSpan? span) => span is { } s ? ReportWording.Duration(s) : "—";
}
