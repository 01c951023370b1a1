using System.Security.Claims;
using System.Security.Cryptography;
using GovBot.Data;
using GovBot.Data.People;
using GovBot.Host.WeCom.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using static GovBot.Host.Staff.StaffHtml;

namespace GovBot.Host.Staff;

/// <summary>
/// Signing in to the staff pages: the bootstrap admin with a password, staff of the store through WeCom's web
/// sign-in (网页授权, scope snsapi_base), and signing out. The cookie carries only the WeCom user id.
/// </summary>
public static class StaffSignIn
{
    public const string Scheme = "GovBotStaff";
    private const string StateCookie = "govbot.staff.oauth";

    public static void MapStaffSignIn(this IEndpointRouteBuilder app)
    {
        app.MapGet("/staff/login", LoginPage);
        app.MapPost("/staff/login", LoginAsync);
        app.MapPost("/staff/logout", (Delegate)LogoutAsync);
        app.MapGet("/staff/oauth", StartOAuth);
        app.MapGet("/staff/oauth/callback", OAuthCallbackAsync);
    }

    private static IResult LoginPage(string? returnUrl, string? error) => Page("社区工作台登录", null, $"""
        {(error is null ? "" : $"<p class=\"warn\" id=\"error\">{E(error)}</p>")}
        <p><a class="primary" id="wecom" href="/staff/oauth?returnUrl={Uri.EscapeDataString(Local(returnUrl))}">用企业微信登录</a></p>
        <form method="post" action="/staff/login" class="panel">
        <p class="muted">管理员账号登录</p>
        <input type="hidden" name="returnUrl" value="{E(Local(returnUrl))}">
        <p><label>账号 <input name="userName" id="userName" autocomplete="username" required></label></p>
        <p><label>密码 <input name="password" id="password" type="password" autocomplete="current-password" required></label></p>
        <p><button class="primary" id="login">登录</button></p></form>
        """);

    private static async Task<IResult> LoginAsync(
        HttpContext http, GovBotDb db, IOptions<StaffOptions> options, StaffLoginThrottle throttle, CancellationToken ct)
    {
        var form = await http.Request.ReadFormAsync(ct);
        var userName = form["userName"].ToString().Trim();
        var returnUrl = Local(form["returnUrl"]);
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "";
        if (await throttle.IsBlockedAsync(address, ct))
            return Results.Redirect($"/staff/login?error={Uri.EscapeDataString("密码错误次数太多，请 15 分钟后再试。")}&returnUrl={Uri.EscapeDataString(returnUrl)}");
        var admin = options.Value.BootstrapAdmin;
        // Hash even for a wrong name, so timing does not tell which names exist.
        var passwordOk = StaffPasswords.Verify(form["password"].ToString(), admin.PasswordHash);
        if (string.IsNullOrEmpty(admin.UserName) || userName != admin.UserName || !passwordOk)
        {
            await throttle.FailedAsync(address, ct);
            return Results.Redirect($"/staff/login?error={Uri.EscapeDataString("账号或密码不对。")}&returnUrl={Uri.EscapeDataString(returnUrl)}");
        }
        await throttle.SucceededAsync(address, ct);

        var person = await db.People.FirstOrDefaultAsync(p => p.WeComUserId == userName, ct);
        if (person is null)
        {
            person = new Person { WeComUserId = userName, Name = userName, Roles = Roles.CountyAdmin, CreatedAt = DateTimeOffset.UtcNow };
            db.People.Add(person);
        }
        // The bootstrap admin is the county admin by configuration, whatever the store said before.
        person.Roles |= Roles.CountyAdmin;
        await db.SaveChangesAsync(ct);
        await SignInAsync(http, person);
        return Results.Redirect(returnUrl);
    }

    private static async Task<IResult> LogoutAsync(HttpContext http)
    {
        await http.SignOutAsync(Scheme);
        return Results.Redirect("/staff/login");
    }

    private static IResult StartOAuth(HttpContext http, IOptions<StaffOptions> staff, IOptions<WeComOptions> wecom, string? returnUrl)
    {
        var state = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
        http.Response.Cookies.Append(StateCookie, state + "|" + Local(returnUrl), new CookieOptions
        {
            HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps, MaxAge = TimeSpan.FromMinutes(10), Path = "/staff",
        });
        var baseUrl = string.IsNullOrWhiteSpace(staff.Value.PublicBaseUrl) ? $"{http.Request.Scheme}://{http.Request.Host}" : staff.Value.PublicBaseUrl.TrimEnd('/');
        var url = $"{staff.Value.OAuthAuthorizeUrl}?appid={Uri.EscapeDataString(wecom.Value.CorpId)}"
            + $"&redirect_uri={Uri.EscapeDataString(baseUrl + "/staff/oauth/callback")}&response_type=code&scope=snsapi_base"
            + $"&state={state}&agentid={wecom.Value.AgentId}#wechat_redirect";
        return Results.Redirect(url);
    }

    private static async Task<IResult> OAuthCallbackAsync(
        HttpContext http, GovBotDb db, WeComUserIdentity identity, StaffCallers callers, string? code, string? state, CancellationToken ct)
    {
        var saved = http.Request.Cookies[StateCookie]?.Split('|', 2);
        http.Response.Cookies.Delete(StateCookie, new CookieOptions { Path = "/staff" });
        if (saved is not [var expected, var returnUrl] || string.IsNullOrEmpty(state) || state != expected || string.IsNullOrEmpty(code))
            return Results.Redirect($"/staff/login?error={Uri.EscapeDataString("登录已过期，请重新登录。")}");
        string? userId;
        try
        {
            userId = await identity.UserIdAsync(code, ct);
        }
        catch (WeComTransientException)
        {
            return Results.Redirect($"/staff/login?error={Uri.EscapeDataString("企业微信暂时连不上，请稍后再试。")}");
        }
        var person = userId is null ? null : await db.People.FirstOrDefaultAsync(p => p.WeComUserId == userId, ct);
        if (person is null || await callers.ScopeOfAsync(person, ct) is null)
            return Page("无权登录", null, "<p class=\"warn\" id=\"error\">社区工作台只对社区工作人员、网格员和县级管理员开放。</p>", StatusCodes.Status403Forbidden);
        await SignInAsync(http, person);
        return Results.Redirect(Local(returnUrl));
    }

    private static Task SignInAsync(HttpContext http, Person person)
    {
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, person.WeComUserId), new Claim(ClaimTypes.Name, person.Name)], Scheme);
        return http.SignInAsync(Scheme, new ClaimsPrincipal(identity));
    }

    /// <summary>Only paths of this host, so a crafted link cannot send a signed-in person elsewhere.</summary>
    private static string Local(string? url) =>
        url is { Length: > 1 } u && u.StartsWith("/staff", StringComparison.Ordinal) && !u.StartsWith("//", StringComparison.Ordinal) && !u.Contains('\\') ? u : "/staff";
}
