using System.Net;
using GovBot.Data.CheckIns;
using GovBot.Data.People;
using GovBot.Data.Seeding;
using GovBot.Data.Wishes;
using GovBot.Host.Tests.EndToEnd;
using GovBot.Skills.CheckIns;
using GovBot.Skills.Wishes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovBot.Host.Tests.Staff;

/// <summary>The check-in, wish and reminder lists over HTTP through the real host: each move reaches the person and stays in scope.</summary>
public sealed class StaffWorkListTests
{
    private static readonly FormUrlEncodedContent NoForm = new([]);

    [Fact]
    public async Task The_secretary_approves_a_check_in_of_her_community_and_cannot_touch_another_communitys()
    {
        await using var host = await StaffHost.StartAsync();
        var (ours, theirs) = await host.Bot.WithDbAsync(async db =>
        {
            var service = new CheckInService(db, TimeProvider.System);
            var chen = await db.People.SingleAsync(p => p.WeComUserId == DemoUsers.InServicePartyMember);
            var ma = await db.People.SingleAsync(p => p.WeComUserId == DemoUsers.Volunteer);
            var lanwan = await db.Compounds.SingleAsync(c => c.Name == "中隐澜湾");
            var own = await service.SubmitAsync(chen, new CheckInDraft("陈志强", PartyMemberKind.InService, chen.CompoundId!.Value, "13803510006"), default);
            var other = await service.SubmitAsync(ma, new CheckInDraft("孙丽娟", PartyMemberKind.Retired, lanwan.Id, "13803510077"), default);
            return (own.Id, other.Id);
        });

        var (secretary, _) = await host.WeComSignInAsync(DemoUsers.Secretary);
        using (secretary)
        {
            var list = await secretary.GetStringAsync("/staff/checkins");
            Assert.Contains("陈志强", list, StringComparison.Ordinal);
            Assert.Contains("138****0006", list, StringComparison.Ordinal);
            Assert.DoesNotContain("孙丽娟", list, StringComparison.Ordinal);

            using var other = await secretary.PostAsync($"/staff/checkins/{theirs}/approve", NoForm);
            Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);

            var pushedBefore = host.Bot.PushedTextsTo(DemoUsers.InServicePartyMember).Count;
            using var approve = await secretary.PostAsync($"/staff/checkins/{ours}/approve", NoForm);
            Assert.Equal("/staff/checkins", approve.Headers.Location?.ToString());
            Assert.Equal(CheckInStatus.Approved, await host.Bot.WithDbAsync(db => db.CheckIns.Where(c => c.Id == ours).Select(c => c.Status).SingleAsync()));
            Assert.Equal(CheckInStatus.Pending, await host.Bot.WithDbAsync(db => db.CheckIns.Where(c => c.Id == theirs).Select(c => c.Status).SingleAsync()));
            await BotHost.EventuallyAsync(() => Task.FromResult(host.Bot.PushedTextsTo(DemoUsers.InServicePartyMember).Count > pushedBefore),
                because: "陈志强 was not told his check-in was approved.");
        }

        var (worker, _) = await host.WeComSignInAsync(DemoUsers.GridWorker);
        using (worker)
        {
            using var refused = await worker.GetAsync("/staff/checkins");
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }
    }

    [Fact]
    public async Task Staff_return_a_wish_with_a_reason_and_the_resident_hears_it()
    {
        await using var host = await StaffHost.StartAsync();
        int wishId;
        await using (var scope = host.Bot.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GovBot.Data.GovBotDb>();
            var zhang = await db.People.SingleAsync(p => p.WeComUserId == DemoUsers.Resident);
            wishId = (await scope.ServiceProvider.GetRequiredService<WishService>().PostAsync(zhang, "想要一副老花镜", default)).Id;
            await db.SaveChangesAsync();
        }

        var (staff, _) = await host.WeComSignInAsync(DemoUsers.Staff);
        using (staff)
        {
            Assert.Contains("想要一副老花镜", await staff.GetStringAsync("/staff/wishes"), StringComparison.Ordinal);
            using var noReason = await staff.PostAsync($"/staff/wishes/{wishId}/return", NoForm);
            Assert.Contains("error=", noReason.Headers.Location!.ToString(), StringComparison.Ordinal);
            using var returned = await staff.PostAsync($"/staff/wishes/{wishId}/return",
                new FormUrlEncodedContent(new Dictionary<string, string> { ["reason"] = "社区已统一配发" }));
            Assert.Equal("/staff/wishes", returned.Headers.Location?.ToString());
        }
        Assert.Equal(WishStatus.Returned, await host.Bot.WithDbAsync(db => db.Wishes.Where(w => w.Id == wishId).Select(w => w.Status).SingleAsync()));
        await BotHost.EventuallyAsync(() => Task.FromResult(host.Bot.PushedTextsTo(DemoUsers.Resident).Any(t => t.Contains("社区已统一配发"))),
            because: "张丽 was not told why her wish came back.");
    }

    [Fact]
    public async Task The_county_admin_pauses_a_reminder_the_secretary_sees_it_and_community_staff_may_not()
    {
        await using var host = await StaffHost.StartAsync();
        using var admin = await host.AdminAsync();
        var page = await admin.GetStringAsync("/staff/reminders");
        var kind = System.Text.RegularExpressions.Regex.Match(page, "data-kind=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(kind);
        using var pause = await admin.PostAsync($"/staff/reminders/{kind}/pause", NoForm);
        Assert.Equal("/staff/reminders", pause.Headers.Location?.ToString());
        Assert.Contains("已暂停", await admin.GetStringAsync("/staff/reminders"), StringComparison.Ordinal);

        var (secretary, _) = await host.WeComSignInAsync(DemoUsers.Secretary);
        using (secretary)
        {
            // A pause holds in every community: the secretary sees it but may not lift it.
            var seen = await secretary.GetStringAsync("/staff/reminders");
            Assert.Contains("已暂停", seen, StringComparison.Ordinal);
            Assert.DoesNotContain("<button>恢复</button>", seen, StringComparison.Ordinal);
            using var resume = await secretary.PostAsync($"/staff/reminders/{kind}/resume", NoForm);
            Assert.Equal(HttpStatusCode.Forbidden, resume.StatusCode);
            Assert.Contains("已暂停", await secretary.GetStringAsync("/staff/reminders"), StringComparison.Ordinal);
        }
        using var resumed = await admin.PostAsync($"/staff/reminders/{kind}/resume", NoForm);
        Assert.DoesNotContain("已暂停", await admin.GetStringAsync("/staff/reminders"), StringComparison.Ordinal);

        var (staff, _) = await host.WeComSignInAsync(DemoUsers.Staff);
        using (staff)
        {
            using var refused = await staff.GetAsync("/staff/reminders");
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }
    }

    [Fact]
    public async Task The_secretary_adds_points_by_hand_to_a_member_of_her_community_only()
    {
        await using var host = await StaffHost.StartAsync();
        var (secretary, _) = await host.WeComSignInAsync(DemoUsers.Secretary);
        using (secretary)
        {
            FormUrlEncodedContent Form(string member, string points) => new(new Dictionary<string, string>
            {
                ["member"] = member, ["points"] = points, ["item"] = "其他", ["reason"] = "帮助邻居修水管", ["requestId"] = Guid.NewGuid().ToString("N"),
            });
            using var added = await secretary.PostAsync("/staff/points/adjust", Form(DemoUsers.RetiredPartyMember, "3"));
            Assert.Equal("/staff/points", added.Headers.Location?.ToString());
            Assert.Contains("帮助邻居修水管", await secretary.GetStringAsync("/staff/points"), StringComparison.Ordinal);
            await BotHost.EventuallyAsync(() => Task.FromResult(host.Bot.PushedTextsTo(DemoUsers.RetiredPartyMember).Any(t => t.Contains("加了 3 分"))),
                because: "田玉明 was not told about his points.");

            using var other = await secretary.PostAsync("/staff/points/adjust", Form("songyuxin", "3"));
            Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
            using var tooMany = await secretary.PostAsync("/staff/points/adjust", Form(DemoUsers.RetiredPartyMember, "5000"));
            Assert.Contains("error=", tooMany.Headers.Location!.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_points_page_ranks_the_top_of_a_large_county_and_the_export_has_everyone()
    {
        await using var host = await StaffHost.StartAsync();
        var year = GovBot.Skills.Points.PointsCalendar.YearOf(DateTimeOffset.UtcNow);
        await host.Bot.WithDbAsync(async db =>
        {
            var community = await db.Communities.Select(c => c.Id).FirstAsync();
            var item = await db.PointItems.Select(i => i.Id).FirstAsync();
            for (var n = 0; n < 230; n++)
            {
                var member = new Person { WeComUserId = $"member{n:000}", Name = $"党员{n:000}", Roles = Roles.PartyMember, CommunityId = community, CreatedAt = DateTimeOffset.UtcNow };
                db.People.Add(member);
                db.PointEntries.Add(new GovBot.Data.Points.PointEntry
                {
                    Person = member, PointItemId = item, Dimension = GovBot.Data.Points.PointDimension.Base, Points = 1000 + n, Reason = "志愿服务",
                    SourceKind = "test", SourceId = $"m{n}", At = DateTimeOffset.UtcNow, Year = year,
                });
            }
            await db.SaveChangesAsync();
            return 0;
        });

        var admin = await host.AdminAsync();
        var page = await admin.GetStringAsync("/staff/points");
        Assert.Contains("这里列出积分最高的 200 名", page, StringComparison.Ordinal);
        Assert.Contains("党员229", page, StringComparison.Ordinal);   // the highest
        Assert.DoesNotContain("党员005", page, StringComparison.Ordinal); // far below the top 200
        Assert.True(page.IndexOf("党员229", StringComparison.Ordinal) < page.IndexOf("党员228", StringComparison.Ordinal));
        var export = await admin.GetStringAsync("/staff/points/totals.csv");
        Assert.Contains("党员005", export, StringComparison.Ordinal);
    }
}
