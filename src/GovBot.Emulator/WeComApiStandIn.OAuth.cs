using System.Collections.Concurrent;
using System.Net;
using System.Text;
using GovBot.Data.Seeding;

namespace GovBot.Emulator;

/// <summary>
/// WeCom's web sign-in (网页授权) as the stand-in plays it: open.weixin.qq.com's authorize page becomes a page
/// where one picks a demo person, the code it hands back is good once, and /cgi-bin/auth/getuserinfo turns
/// it into that person's userid, as WeCom does for a member of the corp.
/// </summary>
public sealed partial class WeComApiStandIn
{
    public const string AuthorizePath = "/connect/oauth2/authorize";
    private const int InvalidCode = 40029;

    private readonly ConcurrentDictionary<string, string> _oauthCodes = new();

    private static readonly (string UserId, string Label)[] SignInPeople =
    [
        (DemoUsers.Secretary, "李红梅（清泉湖社区书记）"),
        (DemoUsers.Staff, "赵晓燕（清泉湖社区工作者）"),
        (DemoUsers.GridWorker, "王建军（清华苑网格员）"),
        (DemoUsers.CountyAdmin, "白云飞（县级管理员）"),
        (DemoUsers.Resident, "张丽（居民）"),
    ];

    private void MapOAuthEndpoints(WebApplication app)
    {
        app.MapGet(AuthorizePath, AuthorizePage);
        app.MapGet(AuthorizePath + "/pick", Pick);
        app.MapGet("/cgi-bin/auth/getuserinfo", GetUserInfoAsync);
    }

    /// <summary>A code for <paramref name="userId"/>, as if that person had opened the app in WeCom; tests use it directly.</summary>
    public string IssueOAuthCode(string userId)
    {
        var code = StandInIds.New(32);
        _oauthCodes[code] = userId;
        return code;
    }

    private IResult AuthorizePage(HttpContext ctx)
    {
        var q = ctx.Request.Query;
        if (q["appid"] != _options.CorpId || q["response_type"] != "code" || string.IsNullOrEmpty(q["redirect_uri"]))
            return Results.BadRequest("appid, redirect_uri and response_type=code are required");
        var html = new StringBuilder("""
            <!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
            <title>企业微信登录（模拟）</title><style>body{font-family:sans-serif;max-width:420px;margin:2em auto;padding:0 1em}
            a{display:block;margin:.6em 0;padding:.8em;border:1px solid #07c160;border-radius:8px;color:#07c160;text-decoration:none}</style></head>
            <body><h1>企业微信登录（模拟）</h1><p>选一个身份登录：</p>
            """);
        foreach (var (userId, label) in SignInPeople)
        {
            var link = $"{AuthorizePath}/pick?userid={Uri.EscapeDataString(userId)}&redirect_uri={Uri.EscapeDataString(q["redirect_uri"].ToString())}&state={Uri.EscapeDataString(q["state"].ToString())}";
            html.Append($"<a id=\"pick-{userId}\" href=\"{WebUtility.HtmlEncode(link)}\">{WebUtility.HtmlEncode(label)}</a>");
        }
        html.Append("</body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8");
    }

    private IResult Pick(HttpContext ctx)
    {
        var q = ctx.Request.Query;
        var redirect = q["redirect_uri"].ToString();
        if (!Uri.TryCreate(redirect, UriKind.Absolute, out _) || string.IsNullOrEmpty(q["userid"])) return Results.BadRequest();
        var code = IssueOAuthCode(q["userid"].ToString());
        var separator = redirect.Contains('?') ? '&' : '?';
        return Results.Redirect($"{redirect}{separator}code={Uri.EscapeDataString(code)}&state={Uri.EscapeDataString(q["state"].ToString())}");
    }

    private async Task GetUserInfoAsync(HttpContext ctx)
    {
        if (await ServeFaultAsync(ctx) || await RefuseTokenAsync(ctx)) return;
        // Codes are good once, like WeCom's (which also expire after five minutes).
        if (!_oauthCodes.TryRemove(ctx.Request.Query["code"].ToString(), out var userId))
        {
            await AnswerAsync(ctx, Error(InvalidCode, "invalid code"));
            return;
        }
        var answer = Ok();
        answer["userid"] = userId;
        await AnswerAsync(ctx, answer);
    }
}
