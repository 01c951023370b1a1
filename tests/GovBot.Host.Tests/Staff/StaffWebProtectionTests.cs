using System.Net;
using System.Text;
using GovBot.Data.Reports;
using GovBot.Data.Seeding;
using GovBot.Host.Staff;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Host.Tests.Staff;

/// <summary>The staff forms against forged and malformed posts, and what the pages tell the browser.</summary>
public sealed class StaffWebProtectionTests
{
    [Fact]
    public async Task A_post_from_another_site_with_the_staff_cookie_is_refused_and_the_report_stays_as_it_was()
    {
        await using var host = await StaffHost.StartAsync();
        var report = await host.FileAsync(DemoUsers.Resident, "飞线充电", "3号楼有人拉电线充电");
        var cookies = new CookieContainer();
        using var admin = await host.AdminAsync(cookies);
        using var forger = host.BareClient(cookies);

        // A page elsewhere posting to us: the browser sends the cookie and names the other site as Origin.
        using var crossSite = new HttpRequestMessage(HttpMethod.Post, $"/staff/reports/{report.Id}/accept") { Content = new FormUrlEncodedContent([]) };
        crossSite.Headers.Add("Origin", "https://evil.example");
        using var refused = await forger.SendAsync(crossSite);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("不是从社区工作台页面发出的", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Same cookie, no Origin, but without the page's token: refused too.
        using var noToken = await forger.PostAsync($"/staff/reports/{report.Id}/accept", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.Contains("页面已过期", await noToken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(ReportStatus.Reported, await StatusAsync(host, report.Id));

        // The page's own form carries the token, and posting it from the page works.
        var page = await admin.GetStringAsync($"/staff/reports/{report.Id}");
        var token = StaffFormTokens.TokenIn(page);
        Assert.NotEmpty(token);
        using var fromPage = new HttpRequestMessage(HttpMethod.Post, $"/staff/reports/{report.Id}/accept")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { [StaffFormTokens.FieldName] = token }),
        };
        fromPage.Headers.Add("Origin", host.BaseAddress.GetLeftPart(UriPartial.Authority));
        using var accepted = await forger.SendAsync(fromPage);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(ReportStatus.Accepted, await StatusAsync(host, report.Id));
    }

    [Fact]
    public async Task Staff_pages_may_not_be_framed_and_load_nothing_from_elsewhere()
    {
        await using var host = await StaffHost.StartAsync();
        using var admin = await host.AdminAsync();
        foreach (var path in new[] { "/staff", "/staff/login", "/staff/reports" })
        {
            using var answer = await admin.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.Equal("DENY", Assert.Single(answer.Headers.GetValues("X-Frame-Options")));
            var csp = Assert.Single(answer.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.Contains("form-action 'self'", csp, StringComparison.Ordinal);
        }
        // Every post form on a page carries the token, the sign-out button in the menu included.
        var dashboard = await admin.GetStringAsync("/staff");
        var forms = System.Text.RegularExpressions.Regex.Matches(dashboard, "<form[^>]*method=\"post\"[^>]*>(<input[^>]*>)?");
        Assert.NotEmpty(forms);
        Assert.All(forms, f => Assert.Contains(StaffFormTokens.FieldName, f.Value, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_staff_post_without_a_content_type_or_with_a_broken_body_is_400_without_a_stack_trace()
    {
        await using var host = await StaffHost.StartAsync();
        var cookies = new CookieContainer();
        using var admin = await host.AdminAsync(cookies);
        using var bare = host.BareClient(cookies);

        using var noType = new HttpRequestMessage(HttpMethod.Post, "/staff/points/adjust") { Content = new ByteArrayContent(Encoding.UTF8.GetBytes("member=x")) };
        using var answer = await bare.SendAsync(noType);
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        var text = await answer.Content.ReadAsStringAsync();
        Assert.Contains("不是表单", text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);

        using var broken = new StringContent("--x\r\nnot a multipart body", Encoding.UTF8);
        broken.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=x");
        using var brokenAnswer = await bare.PostAsync("/staff/points/adjust", broken);
        Assert.Equal(HttpStatusCode.BadRequest, brokenAnswer.StatusCode);
        Assert.DoesNotContain("   at ", await brokenAnswer.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var empty = await bare.PostAsync("/staff/login", null);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
    }

    [Fact]
    public async Task Behind_a_configured_proxy_the_cookie_is_secure_and_an_unconfigured_one_is_not_believed()
    {
        await using (var direct = await StaffHost.StartAsync())
        {
            using var answer = await SignInAsync(direct, "https");
            Assert.DoesNotContain(answer.Headers.GetValues("Set-Cookie"), c => c.StartsWith("govbot.staff=", StringComparison.Ordinal) && c.Contains("secure", StringComparison.OrdinalIgnoreCase));
        }
        await using var proxied = await StaffHost.StartAsync(new Dictionary<string, string?> { ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1" });
        using var secure = await SignInAsync(proxied, "https");
        Assert.Contains(secure.Headers.GetValues("Set-Cookie"), c => c.StartsWith("govbot.staff=", StringComparison.Ordinal) && c.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Behind_a_configured_proxy_the_login_throttle_blocks_the_guesser_not_everyone_behind_the_proxy()
    {
        await using var host = await StaffHost.StartAsync(new Dictionary<string, string?> { ["ForwardedHeaders:KnownNetworks:0"] = "127.0.0.0/8" });
        for (var i = 0; i < StaffLoginThrottle.MaxFailures; i++)
        {
            using var wrong = await SignInAsync(host, "https", "203.0.113.7", "wrong-password");
            Assert.Contains("error=", wrong.Headers.Location!.ToString(), StringComparison.Ordinal);
        }
        using var blocked = await SignInAsync(host, "https", "203.0.113.7");
        Assert.Contains(Uri.EscapeDataString("密码错误次数太多"), blocked.Headers.Location!.ToString(), StringComparison.Ordinal);
        using var colleague = await SignInAsync(host, "https", "203.0.113.8");
        Assert.Equal("/staff", colleague.Headers.Location?.ToString());
    }

    /// <summary>Opens the sign-in page, then signs in as the proxy would pass it on, naming the browser's scheme and address.</summary>
    private static async Task<HttpResponseMessage> SignInAsync(
        StaffHost host, string forwardedProto, string forwardedFor = "203.0.113.7", string password = StaffHost.AdminPassword)
    {
        using var client = host.BareClient();
        var token = StaffFormTokens.TokenIn(await client.GetStringAsync("/staff/login"));
        using var post = new HttpRequestMessage(HttpMethod.Post, "/staff/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["userName"] = DemoUsers.CountyAdmin, ["password"] = password, ["returnUrl"] = "/staff", [StaffFormTokens.FieldName] = token,
            }),
        };
        post.Headers.Add("X-Forwarded-Proto", forwardedProto);
        post.Headers.Add("X-Forwarded-For", forwardedFor);
        var answer = await client.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        return answer;
    }

    private static Task<ReportStatus> StatusAsync(StaffHost host, int id) =>
        host.Bot.WithDbAsync(db => db.Reports.Where(r => r.Id == id).Select(r => r.Status).SingleAsync());
}
