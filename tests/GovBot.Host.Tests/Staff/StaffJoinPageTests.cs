using System.Net;
using GovBot.Data.People;
using GovBot.Data.Seeding;
using GovBot.Host.Tests.EndToEnd;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Host.Tests.Staff;

/// <summary>
/// 入队申请 on /staff/services through the real host: a request made in the chat shows for its community's staff, who
/// approve or decline it there with the same push as the card; other communities' staff and grid workers can neither
/// see nor decide it.
/// </summary>
public sealed class StaffJoinPageTests
{
    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    /// <summary>刘洋 asks in the chat to join 快递小哥志愿服务队 (no lead: 清泉湖社区's staff decide).</summary>
    private static async Task<int> AskToJoinAsync(StaffHost host, string user)
    {
        Assert.Contains("快递小哥志愿服务队", await host.Bot.SayAsync(user, "我想当志愿者"));
        await host.Bot.SayAsync(user, "快递小哥志愿服务队");
        Assert.Contains("能提供的服务：维修", await host.Bot.SayAsync(user, "维修"));
        Assert.Contains("申请已提交", await host.Bot.SayAsync(user, "是"));
        return await host.Bot.WithDbAsync(db => db.VolunteerJoinRequests.Where(r => r.Person!.WeComUserId == user).Select(r => r.Id).SingleAsync());
    }

    [Fact]
    public async Task The_secretary_sees_the_request_and_approves_it_and_the_resident_is_told_and_joins()
    {
        await using var host = await StaffHost.StartAsync();
        var id = await AskToJoinAsync(host, DemoUsers.Neighbour);
        var (secretary, _) = await host.WeComSignInAsync(DemoUsers.Secretary);
        using (secretary)
        {
            var page = await secretary.GetStringAsync("/staff/services");
            Assert.Contains($"<tr data-join=\"{id}\"><td>刘洋", page, StringComparison.Ordinal);
            Assert.Contains($"/staff/services/joins/{id}/approve", page, StringComparison.Ordinal);

            using var approved = await secretary.PostAsync($"/staff/services/joins/{id}/approve", Form());
            Assert.Equal("/staff/services", approved.Headers.Location?.ToString());
            await BotHost.EventuallyAsync(() => Task.FromResult(host.Bot.PushedTextsTo(DemoUsers.Neighbour).Any(t => t.Contains("李红梅同意了您加入快递小哥志愿服务队的申请"))),
                because: "刘洋 was not told he was approved.");
            var member = await host.Bot.WithDbAsync(db => db.VolunteerTeamMembers.Include(m => m.Person).SingleAsync(m => m.Person!.WeComUserId == DemoUsers.Neighbour));
            Assert.Equal("维修", member.Services);
            Assert.True(member.Person!.Has(Roles.Volunteer));
            Assert.DoesNotContain($"data-join=\"{id}\"", await secretary.GetStringAsync("/staff/services"), StringComparison.Ordinal);

            // Decided once: a second decision from the page comes back with who decided.
            using var twice = await secretary.PostAsync($"/staff/services/joins/{id}/decline", Form(("reason", "重复了")));
            Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
            Assert.Contains("已由李红梅同意了", await twice.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_decline_needs_a_reason_and_the_resident_hears_it()
    {
        await using var host = await StaffHost.StartAsync();
        var id = await AskToJoinAsync(host, DemoUsers.Resident);
        var (staff, _) = await host.WeComSignInAsync(DemoUsers.Staff);
        using (staff)
        {
            using var bare = await staff.PostAsync($"/staff/services/joins/{id}/decline", Form(("reason", "")));
            Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
            Assert.Contains("婉拒要说一下原因", await bare.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(VolunteerJoinStatus.Pending, await StatusAsync(host, id));

            using var declined = await staff.PostAsync($"/staff/services/joins/{id}/decline", Form(("reason", "本队只招快递员")));
            Assert.Equal("/staff/services", declined.Headers.Location?.ToString());
            Assert.Equal(VolunteerJoinStatus.Declined, await StatusAsync(host, id));
            await BotHost.EventuallyAsync(() => Task.FromResult(host.Bot.PushedTextsTo(DemoUsers.Resident).Any(t => t.Contains("原因：本队只招快递员"))),
                because: "张丽 was not told why.");
        }
    }

    [Fact]
    public async Task Staff_of_another_community_and_grid_workers_neither_see_nor_decide_and_nobody_signed_out_does()
    {
        await using var host = await StaffHost.StartAsync();
        var id = await AskToJoinAsync(host, DemoUsers.Neighbour);

        var (other, _) = await host.WeComSignInAsync("zhouwenbin");
        using (other)
        {
            Assert.DoesNotContain($"data-join=\"{id}\"", await other.GetStringAsync("/staff/services"), StringComparison.Ordinal);
            using var approve = await other.PostAsync($"/staff/services/joins/{id}/approve", Form());
            Assert.Equal(HttpStatusCode.Forbidden, approve.StatusCode);
        }
        var (worker, _) = await host.WeComSignInAsync(DemoUsers.GridWorker);
        using (worker)
        {
            using var approve = await worker.PostAsync($"/staff/services/joins/{id}/approve", Form());
            Assert.Equal(HttpStatusCode.Forbidden, approve.StatusCode);
        }
        using (var anonymous = host.Client())
        {
            using var approve = await anonymous.PostAsync($"/staff/services/joins/{id}/approve", Form());
            Assert.Equal(HttpStatusCode.Redirect, approve.StatusCode);
            Assert.StartsWith("/staff/login", approve.Headers.Location?.ToString());
        }
        Assert.Equal(VolunteerJoinStatus.Pending, await StatusAsync(host, id));

        // The county admin sees every community's requests.
        using var admin = await host.AdminAsync();
        Assert.Contains($"data-join=\"{id}\"", await admin.GetStringAsync("/staff/services"), StringComparison.Ordinal);
    }

    private static Task<VolunteerJoinStatus> StatusAsync(StaffHost host, int id) =>
        host.Bot.WithDbAsync(db => db.VolunteerJoinRequests.Where(r => r.Id == id).Select(r => r.Status).SingleAsync());
}
