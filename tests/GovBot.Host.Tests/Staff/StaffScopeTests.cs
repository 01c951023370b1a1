using System.Net;
using System.Text;
using GovBot.Data.Seeding;
using GovBot.Host.CheckIns;
using GovBot.Host.Tests.EndToEnd;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Host.Tests.Staff;

/// <summary>Sign-in and scope over plain HTTP through the real host: every page and staff endpoint checks who asks.</summary>
public sealed class StaffScopeTests
{
    [Fact]
    public async Task Pages_lead_to_sign_in_and_a_wrong_password_is_refused()
    {
        await using var host = await StaffHost.StartAsync();
        using var anonymous = host.Client();
        using var page = await anonymous.GetAsync("/staff/reports?status=Reported");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/staff/login?returnUrl=", page.Headers.Location!.ToString(), StringComparison.Ordinal);

        using var wrong = await anonymous.PostAsync("/staff/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = DemoUsers.CountyAdmin, ["password"] = "guess-1234",
        }));
        Assert.Contains("error=", wrong.Headers.Location!.ToString(), StringComparison.Ordinal);
        using var stillOut = await anonymous.GetAsync("/staff");
        Assert.Equal(HttpStatusCode.Redirect, stillOut.StatusCode);

        using var admin = await host.AdminAsync();
        var dashboard = await admin.GetStringAsync("/staff");
        Assert.Contains("<svg id=\"chart-status\"", dashboard, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_wrong_passwords_stop_further_tries_even_with_the_right_one()
    {
        await using var host = await StaffHost.StartAsync();
        using var client = host.Client();
        async Task<string> TryAsync(string password)
        {
            using var answer = await client.PostAsync("/staff/login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["userName"] = DemoUsers.CountyAdmin, ["password"] = password,
            }));
            return Uri.UnescapeDataString(answer.Headers.Location!.ToString());
        }
        for (var i = 0; i < 5; i++) Assert.Contains("账号或密码不对", await TryAsync("guess-" + i), StringComparison.Ordinal);
        Assert.Contains("15 分钟后再试", await TryAsync(StaffHost.AdminPassword), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_secretary_sees_her_community_only_and_never_another_communitys_phone_numbers()
    {
        await using var host = await StaffHost.StartAsync();
        var ours = await host.FileAsync(DemoUsers.Resident, "飞线充电", "3号楼有人拉电线充电");
        var theirs = await host.FileAsync("fengjianguo", "飞线充电", "2号楼门口有人拉电线充电");

        var (secretary, signedIn) = await host.WeComSignInAsync(DemoUsers.Secretary);
        using (signedIn) Assert.Equal("/staff", signedIn.Headers.Location?.ToString());
        using (secretary)
        {
            var own = await secretary.GetStringAsync($"/staff/reports/{ours.Id}");
            Assert.Contains("张丽", own, StringComparison.Ordinal);

            using var other = await secretary.GetAsync($"/staff/reports/{theirs.Id}");
            Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
            var refusal = await other.Content.ReadAsStringAsync();
            Assert.DoesNotContain("13803510024", refusal, StringComparison.Ordinal);
            Assert.DoesNotContain("冯建国", refusal, StringComparison.Ordinal);
            using var otherAction = await secretary.PostAsync($"/staff/reports/{theirs.Id}/accept", new FormUrlEncodedContent([]));
            Assert.Equal(HttpStatusCode.Forbidden, otherAction.StatusCode);

            var list = await secretary.GetStringAsync("/staff/reports");
            Assert.Contains(ours.Ticket, list, StringComparison.Ordinal);
            Assert.DoesNotContain(theirs.Ticket, list, StringComparison.Ordinal);

            var csv = await secretary.GetByteArrayAsync("/staff/reports/export.csv");
            Assert.Equal(Encoding.UTF8.GetPreamble(), csv[..3]);
            var text = Encoding.UTF8.GetString(csv[3..]);
            Assert.StartsWith("编号,类别,社区", text, StringComparison.Ordinal);
            Assert.Contains(ours.Ticket, text, StringComparison.Ordinal);
            Assert.DoesNotContain("13803510024", text, StringComparison.Ordinal);

            // The JSON staff endpoints take the signed-in person too, with the same scope.
            var yingxin = await host.Bot.WithDbAsync(db => db.Communities.Where(c => c.Name == "迎新社区").Select(c => c.Id).FirstAsync());
            using var otherCheckIns = await secretary.GetAsync($"/api/checkins?communityId={yingxin}");
            Assert.Equal(HttpStatusCode.Forbidden, otherCheckIns.StatusCode);
            using var ownCheckIns = await secretary.GetAsync("/api/checkins");
            Assert.Equal(HttpStatusCode.OK, ownCheckIns.StatusCode);
        }

        using var admin = await host.AdminAsync();
        using var adminView = await admin.GetAsync($"/staff/reports/{theirs.Id}");
        Assert.Equal(HttpStatusCode.OK, adminView.StatusCode);
        Assert.Contains("13803510024", await adminView.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_photos_are_served_from_the_store_to_staff_in_scope_only()
    {
        await using var host = await StaffHost.StartAsync();
        var ours = await host.FileAsync(DemoUsers.Resident, "飞线充电", "3号楼有人拉电线充电");
        var theirs = await host.FileAsync("fengjianguo", "飞线充电", "2号楼门口有人拉电线充电");
        var png = GovBot.Emulator.DemoPhoto.Bytes;
        var (ourPhoto, theirPhoto) = await host.Bot.WithDbAsync(async db =>
        {
            var a = new GovBot.Data.Reports.ReportPhoto { ReportId = ours.Id, MediaId = "m1", Content = png, ContentType = "image/png" };
            var b = new GovBot.Data.Reports.ReportPhoto { ReportId = theirs.Id, MediaId = "m2", Content = png, ContentType = "image/png" };
            db.ReportPhotos.AddRange(a, b);
            await db.SaveChangesAsync();
            return (a.Id, b.Id);
        });

        using var anonymous = host.Client();
        using var outside = await anonymous.GetAsync($"/staff/reports/{ours.Id}/photos/{ourPhoto}");
        Assert.Equal(HttpStatusCode.Redirect, outside.StatusCode);

        var (secretary, _) = await host.WeComSignInAsync(DemoUsers.Secretary);
        using (secretary)
        {
            Assert.Contains($"/staff/reports/{ours.Id}/photos/{ourPhoto}", await secretary.GetStringAsync($"/staff/reports/{ours.Id}"), StringComparison.Ordinal);
            using var own = await secretary.GetAsync($"/staff/reports/{ours.Id}/photos/{ourPhoto}");
            Assert.Equal("image/png", own.Content.Headers.ContentType?.MediaType);
            Assert.Equal(png, await own.Content.ReadAsByteArrayAsync());
            using var other = await secretary.GetAsync($"/staff/reports/{theirs.Id}/photos/{theirPhoto}");
            Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
            using var sneaky = await secretary.GetAsync($"/staff/reports/{ours.Id}/photos/{theirPhoto}");
            Assert.Equal(HttpStatusCode.NotFound, sneaky.StatusCode);
        }
    }

    [Fact]
    public async Task A_grid_worker_sees_his_grids_reports_only_and_no_community_lists()
    {
        await using var host = await StaffHost.StartAsync();
        var ours = await host.FileAsync(DemoUsers.Resident, "飞线充电", "3号楼有人拉电线充电");
        var theirs = await host.FileAsync("fengjianguo", "飞线充电", "2号楼门口有人拉电线充电");
        var (worker, _) = await host.WeComSignInAsync(DemoUsers.GridWorker);
        using (worker)
        {
            using var own = await worker.GetAsync($"/staff/reports/{ours.Id}");
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
            using var other = await worker.GetAsync($"/staff/reports/{theirs.Id}");
            Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
            using var checkIns = await worker.GetAsync("/api/checkins");
            Assert.Equal(HttpStatusCode.Forbidden, checkIns.StatusCode);
            var dashboard = await worker.GetStringAsync("/staff");
            Assert.DoesNotContain("chart-checkins", dashboard, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_resident_cannot_sign_in_and_a_used_code_does_not_work_twice()
    {
        await using var host = await StaffHost.StartAsync();
        var (resident, answer) = await host.WeComSignInAsync(DemoUsers.Resident);
        using (resident)
        using (answer)
        {
            Assert.Equal(HttpStatusCode.Forbidden, answer.StatusCode);
            using var page = await resident.GetAsync("/staff");
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        }

        using var client = host.Client();
        using var start = await client.GetAsync("/staff/oauth");
        using var forged = await client.GetAsync("/staff/oauth/callback?code=made-up&state=not-the-one");
        Assert.Contains("/staff/login?error=", forged.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_the_header_turned_off_only_signed_in_staff_reach_the_json_endpoints()
    {
        await using var host = await StaffHost.StartAsync(new Dictionary<string, string?> { ["Staff:AllowStaffHeader"] = "false" });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/checkins");
        request.Headers.Add(CheckInsApi.StaffHeader, DemoUsers.Secretary);
        using var client = host.Client();
        using var refused = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        var (secretary, _) = await host.WeComSignInAsync(DemoUsers.Secretary);
        using (secretary)
        {
            using var ok = await secretary.GetAsync("/api/checkins");
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }
    }
}
