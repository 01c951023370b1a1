using System.Net;
using GovBot.Data.Messaging;
using GovBot.Data.Seeding;
using GovBot.Host.Staff;
using GovBot.Host.Tests.Staff;
using GovBot.Skills.Conversation;
using GovBot.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Host.Tests.EndToEnd;

/// <summary>
/// Two real hosts on one SQLite data folder and one WeCom stand-in, sharing a real Redis: what a member and a staff
/// member notice must be as with one host, whichever host the load balancer picks for each request.
/// </summary>
[Collection(RedisServerFixture.Collection)]
public sealed class TwoHostTests(RedisServerFixture redis) : IAsyncLifetime
{
    private const string AdminPassword = "county-admin-pass";
    private const int SendLimit = 10;
    private BotHost _a = null!;
    private BotHost _b = null!;

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = redis.ConnectionString,
            ["State:KeyPrefix"] = $"test:{Guid.NewGuid():N}:",
            ["Staff:BootstrapAdmin:UserName"] = DemoUsers.CountyAdmin,
            ["Staff:BootstrapAdmin:PasswordHash"] = StaffPasswords.Hash(AdminPassword),
            // Above what one member's burst of eight needs, low enough for the send limit's test to reach quickly.
            ["WeCom:Outbox:MemberMessagesPerMinute"] = $"{SendLimit}",
        };
        _a = await BotHost.StartAsync(settings: settings);
        _b = await BotHost.StartAsync(_a.StandIn, _a.DataDir, settings);
    }

    public async Task DisposeAsync()
    {
        await _b.DisposeAsync();
        await _a.DisposeAsync();
    }

    [Fact]
    public async Task A_burst_landing_on_both_hosts_is_answered_once_each_and_one_turn_at_a_time()
    {
        var user = "burst-" + Guid.NewGuid().ToString("N")[..8];
        var sends = Enumerable.Range(0, 8).Select(i => (i % 2 == 0 ? _a : _b).WeCom.SendTextAsync(user, "帮助")).ToList();
        var answers = await Task.WhenAll(sends);
        await _a.SettledAsync();

        var rows = await _a.WithDbAsync(db => db.Inbox.AsNoTracking().Where(m => m.UserId == user).OrderBy(m => m.Id).ToListAsync());
        var pushes = await _a.WithDbAsync(db => db.Outbox.AsNoTracking().Where(o => o.ToUsers == user).ToListAsync());
        Assert.Equal(8, rows.Count);
        Assert.All(rows, r => Assert.Equal(InboxStatus.Done, r.Status));
        // Once each: every message was answered either in its callback or by pushes, never both, never twice.
        Assert.All(rows, r => Assert.True(r.PassiveReply is null == pushes.Any(p => p.InboxMessageId == r.Id), $"message {r.Id} answered both ways or not at all"));
        Assert.Equal(rows.Count(r => r.PassiveReply is not null), answers.Count(a => !string.IsNullOrEmpty(a.PassiveReply)));
        Assert.All(pushes, p => Assert.Equal(OutboxStatus.Sent, p.Status));
        // Every push went out once; a text equal to one pushed just before is dropped by WeCom's duplicate check.
        var seen = _a.PushedTextsTo(user);
        Assert.Equal(seen.Distinct().Count(), seen.Count);
        Assert.Equal(pushes.Select(p => p.PayloadJson).Distinct().Count(), seen.Count);
        // One at a time, in the order stored: a message left waiting is never finished before an older waiting one.
        var waited = rows.Where(r => r.PassiveReply is null).ToList();
        Assert.Equal(waited.Select(r => r.Id), waited.OrderBy(r => r.ProcessedAt).Select(r => r.Id));
    }

    [Fact]
    public async Task A_half_finished_report_continues_on_the_other_host()
    {
        var asked = await _a.SayAsync(DemoUsers.Resident, "3号楼有人从窗户拉电线给电动车充电");
        Assert.Contains("是", asked);

        Assert.Contains("已上报", await _b.SayAsync(DemoUsers.Resident, "是"));
        Assert.Equal(1, await _b.WithDbAsync(db => db.Reports.CountAsync()));
    }

    [Fact]
    public async Task A_staff_sign_in_made_on_one_host_opens_pages_on_the_other()
    {
        var cookies = new CookieContainer();
        using var onA = Client(_a, cookies);
        using var onB = Client(_b, cookies);

        // The form comes from host A and is posted to host B: B must read A's antiforgery token.
        var token = StaffFormTokens.TokenIn(await onA.GetStringAsync("/staff/login"));
        using var signedIn = await onB.PostAsync("/staff/login", Form(AdminPassword, token));
        Assert.Equal("/staff", signedIn.Headers.Location?.ToString());

        using var page = await onA.GetAsync("/staff");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task Five_wrong_passwords_split_over_the_hosts_lock_the_sign_in_on_both()
    {
        for (var i = 0; i < StaffLoginThrottle.MaxFailures; i++)
        {
            using var wrong = await SignInAsync(i % 2 == 0 ? _a : _b, "wrong-password");
            Assert.Contains("error=", wrong.Headers.Location!.ToString(), StringComparison.Ordinal);
        }

        foreach (var host in new[] { _a, _b })
        {
            using var blocked = await SignInAsync(host, AdminPassword);
            Assert.Contains(Uri.EscapeDataString("密码错误次数太多"), blocked.Headers.Location!.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_send_limit_to_one_member_holds_across_both_hosts()
    {
        var member = "grid-" + Guid.NewGuid().ToString("N")[..8];
        // Pushes waiting in the shared outbox: both hosts' dispatchers take from it.
        await _a.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            for (var i = 1; i <= SendLimit + 5; i++) await db.EnqueuePushAsync(new OutboxPush(new TextPart($"待办提醒 第{i}件"), [member]), now);
            return await db.SaveChangesAsync();
        });

        await BotHost.EventuallyAsync(() => Task.FromResult(_a.PushedTextsTo(member).Count >= SendLimit), because: "the first pushes did not go out");
        // Within the minute, the hosts together send no more than the member's limit.
        await BotHost.ConsistentlyAsync(() => Task.FromResult(_a.PushedTextsTo(member).Count == SendLimit), TimeSpan.FromSeconds(3),
            "more than the member's limit went out within a minute");
        var waiting = await _a.WithDbAsync(db => db.Outbox.CountAsync(o => o.ToUsers == member && o.Status == OutboxStatus.Pending));
        Assert.Equal(5, waiting);
    }

    private static HttpClient Client(BotHost host, CookieContainer cookies) =>
        new(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = host.Http.BaseAddress };

    private static FormUrlEncodedContent Form(string password, string token) => new(new Dictionary<string, string>
    {
        ["userName"] = DemoUsers.CountyAdmin, ["password"] = password, ["returnUrl"] = "/staff", [StaffFormTokens.FieldName] = token,
    });

    private static async Task<HttpResponseMessage> SignInAsync(BotHost host, string password)
    {
        using var client = Client(host, new CookieContainer());
        var token = StaffFormTokens.TokenIn(await client.GetStringAsync("/staff/login"));
        return await client.PostAsync("/staff/login", Form(password, token));
    }
}
