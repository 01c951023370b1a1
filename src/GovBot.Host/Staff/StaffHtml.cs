using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Antiforgery;

namespace GovBot.Host.Staff;

/// <summary>The frame of every staff page: one self-contained HTML document (no CDN, no script), phone first.</summary>
public static partial class StaffHtml
{
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    public static IResult Page(string title, StaffScope? scope, string body, int status = StatusCodes.Status200OK)
    {
        var nav = scope is null ? "" : $"""
            <nav>{Nav(scope)}
            <span class="who">{E(scope.Person.Name)}</span><form method="post" action="/staff/logout"><button>退出</button></form></nav>
            """;
        var html = $$"""
            <!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width,initial-scale=1"><title>{{E(title)}} · 社区工作台</title>
            <style>{{Css}}</style></head><body>{{nav}}<main><h1>{{E(title)}}</h1>{{body}}</main></body></html>
            """;
        return new PageResult(html, status);
    }

    /// <summary>
    /// Only the pages this person may open, by the same tests as the policies on those pages (<see cref="StaffAccess"/>):
    /// a grid worker's navigation has no link that leads to a refusal.
    /// </summary>
    private static string Nav(StaffScope scope)
    {
        var links = new StringBuilder("<a href=\"/staff\">概览</a><a href=\"/staff/reports\">说事</a>");
        if (scope.SeesCommunityLists)
            links.Append("<a href=\"/staff/checkins\">报到</a><a href=\"/staff/wishes\">微心愿</a><a href=\"/staff/services\">志愿服务</a><a href=\"/staff/points\">积分</a>");
        if (scope.ReadsReminders) links.Append("<a href=\"/staff/reminders\">提醒</a>");
        if (scope.SeesCommunityLists) links.Append("<a href=\"/staff/learn\">待学习</a><a href=\"/staff/entry\">微信入口</a><a href=\"/staff/lists\">其他</a>");
        if (scope.County) links.Append("<a href=\"/staff/system\">系统</a>");
        return links.ToString();
    }

    /// <summary>
    /// Writes the page with this person's antiforgery token in every POST form, so no form can be forgotten:
    /// <see cref="StaffFormGuard"/> refuses a POST without it.
    /// </summary>
    private sealed class PageResult(string html, int status) : IResult
    {
        public Task ExecuteAsync(HttpContext http)
        {
            var page = html;
            // Invented people must never be taken for real ones: every page says so while the demo county is loaded.
            if (http.RequestServices.GetService<Data.Seeding.DemoStore>() is { HoldsDemoCounty: true })
                page = page.Replace("<main>", "<main><p class=\"demo\" id=\"demo-banner\">演示数据：清徐县、襄垣县的人员和地址都是虚构的，正式使用请换用空库并导入本县数据。</p>", StringComparison.Ordinal);
            if (PostForm().IsMatch(page))
            {
                var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
                var field = $"<input type=\"hidden\" name=\"{E(tokens.FormFieldName)}\" value=\"{E(tokens.RequestToken)}\">";
                page = PostForm().Replace(page, m => m.Value + field);
            }
            return Results.Content(page, "text/html; charset=utf-8", Encoding.UTF8, status).ExecuteAsync(http);
        }
    }

    [GeneratedRegex("<form\\b[^>]*\\bmethod=\"post\"[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex PostForm();

    public static IResult Refused(StaffScope? scope, string why) => Page("无权查看", scope, $"<p class=\"warn\">{E(why)}</p>", StatusCodes.Status403Forbidden);

    private const string Css = """
        *{box-sizing:border-box}body{margin:0;font-family:"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;color:#222;background:#f5f6f8}
        nav{display:flex;flex-wrap:wrap;gap:.4em 1em;align-items:center;padding:.6em 1em;background:#c8161d}nav a,nav .who{color:#fff;text-decoration:none}
        nav .who{margin-left:auto}nav form{margin:0}nav button{background:none;border:1px solid #fff;color:#fff;border-radius:4px}
        main{max-width:1100px;margin:0 auto;padding:1em}h1{font-size:1.3em}h2{font-size:1.1em;margin:.2em 0 .6em}
        .grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(320px,1fr));gap:1em}
        .panel{background:#fff;border-radius:8px;padding:1em;box-shadow:0 1px 2px #0001;overflow-x:auto}
        .kpi{display:flex;flex-wrap:wrap;gap:1em}.kpi div{flex:1 1 130px;background:#fff;border-radius:8px;padding:.8em}
        .kpi b{display:block;font-size:1.5em;color:#c8161d}
        table{border-collapse:collapse;width:100%}td,th{padding:.4em;border-bottom:1px solid #eee;text-align:left;font-size:.95em}
        form.filter{display:flex;flex-wrap:wrap;gap:.5em;align-items:end;margin-bottom:1em}
        th,.nowrap{white-space:nowrap}form.edit-slot,form.hours{display:flex;flex-wrap:wrap;gap:.3em;align-items:center;margin:0}
        input,select,textarea,button{font:inherit;padding:.35em .5em}button.primary{background:#c8161d;color:#fff;border:0;border-radius:4px}
        .warn{color:#c8161d}.demo{background:#fff3cd;border:1px solid #e0c36a;border-radius:6px;padding:.5em .8em}.muted{color:#888}svg text{font-size:12px;fill:#333}img.photo{max-width:100%;max-height:320px;border-radius:6px}
        .beside{display:flex;flex-wrap:wrap;gap:1em;align-items:flex-start;margin-bottom:1em}.beside>div{flex:1 1 300px}
        """;
}
