using System.Globalization;
using System.Net;
using GovBot.Data.Seeding;
using GovBot.Data.Services;
using GovBot.Host.Tests.EndToEnd;
using GovBot.Skills.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovBot.Host.Tests.Staff;

/// <summary>
/// /staff/services through the real host: events, items and slots made with the forms are bookable in the chat at once,
/// capacity never drops below the places booked, another community's staff can neither see nor change them, and a task
/// posted from the page reaches a matching volunteer as a card.
/// </summary>
public sealed class StaffServicesPageTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    /// <summary>A datetime-local value, China time, <paramref name="days"/> from today at <paramref name="hour"/>.</summary>
    public static string At(int days, int hour) =>
        DateTimeOffset.UtcNow.ToOffset(China).Date.AddDays(days).AddHours(hour).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    [Fact]
    public async Task The_secretary_adds_an_event_item_and_slot_and_a_resident_books_it_in_the_chat()
    {
        await using var host = await StaffHost.StartAsync();
        var teamId = await host.Bot.WithDbAsync(db => db.VolunteerTeams.Where(t => t.Name == "红色唠嗑队").Select(t => t.Id).SingleAsync());
        var (secretary, _) = await host.WeComSignInAsync(DemoUsers.Secretary);
        using (secretary)
        {
            Assert.Contains(DemoServicesSeeder.FairTitle, await secretary.GetStringAsync("/staff/services"), StringComparison.Ordinal);

            var day = DateTimeOffset.UtcNow.ToOffset(China).Date.AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            using var created = await secretary.PostAsync("/staff/services/events",
                Form(("title", "便民服务日"), ("place", "清泉湖社区广场"), ("date", day), ("team", teamId.ToString(CultureInfo.InvariantCulture))));
            Assert.Equal("/staff/services", created.Headers.Location?.ToString());
            var serviceEvent = await host.Bot.WithDbAsync(db => db.ServiceEvents.Include(e => e.Community).SingleAsync(e => e.Title == "便民服务日"));
            Assert.Equal("清泉湖社区", serviceEvent.Community!.Name);
            Assert.Equal(teamId, serviceEvent.OrganiserTeamId);

            using var item = await secretary.PostAsync($"/staff/services/events/{serviceEvent.Id}/items", Form(("name", "磨刀"), ("provider", "老王磨刀铺")));
            Assert.Equal("/staff/services", item.Headers.Location?.ToString());
            var itemId = await host.Bot.WithDbAsync(db => db.ServiceItems.Where(i => i.EventId == serviceEvent.Id && i.Name == "磨刀").Select(i => i.Id).SingleAsync());

            using var slot = await secretary.PostAsync($"/staff/services/items/{itemId}/slots", Form(("start", At(3, 9)), ("end", At(3, 10)), ("capacity", "2")));
            Assert.Equal("/staff/services", slot.Headers.Location?.ToString());
            var saved = await host.Bot.WithDbAsync(db => db.ServiceSlots.SingleAsync(s => s.ItemId == itemId));
            Assert.Equal(9, saved.StartsAt.ToOffset(China).Hour);
            Assert.Equal(2, saved.Capacity);

            var page = await secretary.GetStringAsync("/staff/services");
            Assert.Contains("便民服务日", page, StringComparison.Ordinal);
            Assert.Contains("老王磨刀铺", page, StringComparison.Ordinal);
            Assert.Contains("09:00–10:00", page, StringComparison.Ordinal);

            Assert.Contains("请确认预约", await host.Bot.SayAsync(DemoUsers.Resident, "预约磨刀"));
            var booked = await host.Bot.SayAsync(DemoUsers.Resident, "是");
            Assert.Contains("预约成功", booked);
            Assert.Contains("清泉湖社区广场", booked);
            Assert.Equal(1, await host.Bot.WithDbAsync(db => db.ServiceSlots.Where(s => s.Id == saved.Id).Select(s => s.Booked).SingleAsync()));
            Assert.Contains("<td class=\"booked\">1</td>", await secretary.GetStringAsync("/staff/services"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Capacity_never_drops_below_the_places_booked_and_a_bad_form_comes_back_with_the_reason()
    {
        await using var host = await StaffHost.StartAsync();
        var slotId = await FairSlotAsync(host, "理发");
        await BookAsync(host, slotId, DemoUsers.Resident, DemoUsers.Neighbour);
        Assert.Equal(BookingResult.Waitlisted, await BookAsync(host, slotId, DemoUsers.MicroGridLead));
        var slot = await host.Bot.WithDbAsync(db => db.ServiceSlots.AsNoTracking().SingleAsync(s => s.Id == slotId));
        var (start, end) = (Input(slot.StartsAt), Input(slot.EndsAt));

        var (secretary, _) = await host.WeComSignInAsync(DemoUsers.Secretary);
        using (secretary)
        {
            using var below = await secretary.PostAsync($"/staff/services/slots/{slotId}", Form(("start", start), ("end", end), ("capacity", "1")));
            Assert.Equal(HttpStatusCode.BadRequest, below.StatusCode);
            var page = await below.Content.ReadAsStringAsync();
            Assert.Contains("已经有2人约上了，名额不能少于2个", page, StringComparison.Ordinal);
            Assert.Contains("value=\"1\"", page, StringComparison.Ordinal);
            Assert.Equal(2, await CapacityAsync(host, slotId));

            foreach (var (form, why) in new[]
            {
                (Form(("start", start), ("end", end), ("capacity", "0")), "名额至少1个"),
                (Form(("start", end), ("end", start), ("capacity", "2")), "结束时间要晚于开始时间"),
                (Form(("start", "下周六"), ("end", end), ("capacity", "2")), "请填写开始时间、结束时间和名额"),
                (Form(("start", At(-2, 9)), ("end", At(-2, 10)), ("capacity", "2")), "开始时间已经过了"),
            })
            {
                using var bad = await secretary.PostAsync($"/staff/services/slots/{slotId}", form);
                Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
                Assert.Contains(why, await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }

            using var badEvent = await secretary.PostAsync("/staff/services/events", Form(("title", "集"), ("place", "清泉湖社区广场"), ("date", "2020-01-01")));
            Assert.Equal(HttpStatusCode.BadRequest, badEvent.StatusCode);
            var eventPage = await badEvent.Content.ReadAsStringAsync();
            Assert.Contains("活动名称要写2到40个字", eventPage, StringComparison.Ordinal);
            Assert.Contains("value=\"清泉湖社区广场\"", eventPage, StringComparison.Ordinal);

            // One more place goes to the first on the waitlist, and everyone holding the slot hears that it moved.
            var moved = slot.StartsAt.AddMinutes(30);
            using var raised = await secretary.PostAsync($"/staff/services/slots/{slotId}", Form(("start", Input(moved)), ("end", end), ("capacity", "3")));
            Assert.Equal("/staff/services", raised.Headers.Location?.ToString());
            Assert.Equal(3, await CapacityAsync(host, slotId));
            Assert.Equal(3, await host.Bot.WithDbAsync(db => db.Bookings.CountAsync(b => b.SlotId == slotId && b.Status == BookingStatus.Booked)));
            await BotHost.EventuallyAsync(() => Task.FromResult(host.Bot.PushedTextsTo(DemoUsers.MicroGridLead).Any(t => t.Contains("增加了名额") && t.Contains("已经为您约上"))),
                because: "杨桂兰 was not told she moved up from the waitlist.");
            await BotHost.EventuallyAsync(() => Task.FromResult(host.Bot.PushedTextsTo(DemoUsers.Resident).Any(t => t.Contains("时间调整了") && t.Contains(Clock(moved)))),
                because: "张丽 was not told the new time.");
        }
    }

    [Fact]
    public async Task Staff_of_another_community_neither_see_nor_change_the_event_and_grid_workers_are_refused()
    {
        await using var host = await StaffHost.StartAsync();
        var slotId = await FairSlotAsync(host, "义诊");
        var ids = await host.Bot.WithDbAsync(db => db.ServiceSlots.Where(s => s.Id == slotId).Select(s => new { s.ItemId, s.Item!.EventId }).SingleAsync());
        var (itemId, eventId) = (ids.ItemId, ids.EventId);
        var before = await host.Bot.WithDbAsync(db => db.ServiceSlots.AsNoTracking().SingleAsync(s => s.Id == slotId));

        var (other, _) = await host.WeComSignInAsync("zhouwenbin");
        using (other)
        {
            var page = await other.GetStringAsync("/staff/services");
            Assert.DoesNotContain(DemoServicesSeeder.FairTitle, page, StringComparison.Ordinal);
            Assert.DoesNotContain("爱心理发店", page, StringComparison.Ordinal);
            Assert.DoesNotContain(DemoServicesSeeder.FairTitle, await other.GetStringAsync("/staff/services/slots.csv"), StringComparison.Ordinal);

            using var edit = await other.PostAsync($"/staff/services/slots/{slotId}",
                Form(("start", Input(before.StartsAt)), ("end", Input(before.EndsAt)), ("capacity", "99")));
            Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
            using var addSlot = await other.PostAsync($"/staff/services/items/{itemId}/slots", Form(("start", At(5, 9)), ("end", At(5, 10)), ("capacity", "5")));
            Assert.Equal(HttpStatusCode.Forbidden, addSlot.StatusCode);
            using var addItem = await other.PostAsync($"/staff/services/events/{eventId}/items", Form(("name", "磨刀")));
            Assert.Equal(HttpStatusCode.Forbidden, addItem.StatusCode);
        }
        var after = await host.Bot.WithDbAsync(db => db.ServiceSlots.AsNoTracking().SingleAsync(s => s.Id == slotId));
        Assert.Equal((before.Capacity, before.StartsAt), (after.Capacity, after.StartsAt));
        Assert.Equal(1, await host.Bot.WithDbAsync(db => db.ServiceSlots.CountAsync(s => s.ItemId == itemId)));
        Assert.False(await host.Bot.WithDbAsync(db => db.ServiceItems.AnyAsync(i => i.EventId == eventId && i.Name == "磨刀")));

        var (worker, _) = await host.WeComSignInAsync(DemoUsers.GridWorker);
        using (worker)
        {
            using var refused = await worker.GetAsync("/staff/services");
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            using var refusedPost = await worker.PostAsync($"/staff/services/slots/{slotId}", Form(("capacity", "99")));
            Assert.Equal(HttpStatusCode.Forbidden, refusedPost.StatusCode);
        }
    }

    [Fact]
    public async Task A_task_posted_from_the_page_reaches_a_matching_volunteer_and_hours_are_confirmed_there()
    {
        await using var host = await StaffHost.StartAsync();
        var (staff, _) = await host.WeComSignInAsync(DemoUsers.Staff);
        using (staff)
        {
            using var unknown = await staff.PostAsync("/staff/services/tasks", Form(("title", "敬老院打扫卫生"), ("place", "清徐县敬老院"),
                ("start", At(2, 9)), ("end", At(2, 11)), ("needed", "1"), ("skills", "唱歌"), ("grid", ""), ("team", "")));
            Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
            Assert.Contains("没有「唱歌」这项志愿服务", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            using var posted = await staff.PostAsync("/staff/services/tasks", Form(("title", "敬老院打扫卫生"), ("place", "清徐县敬老院"),
                ("start", At(2, 9)), ("end", At(2, 11)), ("needed", "1"), ("grid", ""), ("team", "红色唠嗑队"), ("instructions", "带上抹布")));
            Assert.Equal("/staff/services", posted.Headers.Location?.ToString());
            await BotHost.EventuallyAsync(() => Task.FromResult(host.Bot.PushedTextsTo(DemoUsers.Volunteer).Any(t => t.Contains("敬老院打扫卫生") && t.Contains("接单"))),
                because: "孙丽娟 of 红色唠嗑队 got no task card.");
            var task = await host.Bot.WithDbAsync(db => db.VolunteerTasks.Include(t => t.Organiser).SingleAsync(t => t.Title == "敬老院打扫卫生"));
            Assert.Equal(DemoUsers.Staff, task.Organiser!.WeComUserId);
            Assert.Equal("带上抹布", task.Instructions);
            Assert.Contains("招募中", await staff.GetStringAsync("/staff/services"), StringComparison.Ordinal);

            // A task that is over, with one volunteer who accepted: the page confirms her hours through the same path as the API.
            var pastId = await PastTaskAcceptedByAsync(host, DemoUsers.Volunteer);
            var page = await staff.GetStringAsync("/staff/services");
            Assert.Contains($"/staff/services/tasks/{pastId}/hours", page, StringComparison.Ordinal);
            using var tooLong = await staff.PostAsync($"/staff/services/tasks/{pastId}/hours", Form(("attended", DemoUsers.Volunteer), ("hours", "30")));
            Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
            Assert.Contains("时长要在0到24小时之间", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            using var hours = await staff.PostAsync($"/staff/services/tasks/{pastId}/hours", Form(("attended", DemoUsers.Volunteer), ("hours", "1.5")));
            Assert.Equal("/staff/services", hours.Headers.Location?.ToString());
            var row = await host.Bot.WithDbAsync(db => db.VolunteerHours.SingleAsync(h => h.SourceKind == VolunteerHours.TaskSource && h.SourceId == pastId));
            Assert.Equal(90, row.Minutes);
            await BotHost.EventuallyAsync(() => Task.FromResult(host.Bot.PushedTextsTo(DemoUsers.Volunteer).Any(t => t.Contains("1.5小时"))),
                because: "孙丽娟 was not thanked for her hours.");
        }
    }

    /// <summary>The first slot of the demo fair's <paramref name="service"/> (清泉湖社区).</summary>
    public static Task<int> FairSlotAsync(StaffHost host, string service) =>
        host.Bot.WithDbAsync(db => db.ServiceSlots.Where(s => s.Item!.Name == service && s.Item.Event!.Title == DemoServicesSeeder.FairTitle)
            .OrderBy(s => s.StartsAt).Select(s => s.Id).FirstAsync());

    public static async Task<BookingResult> BookAsync(StaffHost host, int slotId, params string[] users)
    {
        var result = BookingResult.Past;
        foreach (var user in users)
        {
            await using var scope = host.Bot.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<GovBot.Data.GovBotDb>();
            var person = await db.People.SingleAsync(p => p.WeComUserId == user);
            result = (await scope.ServiceProvider.GetRequiredService<BookingService>().BookAsync(person, slotId, waitlistIfFull: true, default)).Result;
        }
        return result;
    }

    /// <summary>A task of 清泉湖社区 that ended yesterday, organised by 赵晓燕, which <paramref name="volunteer"/> accepted.</summary>
    public static async Task<int> PastTaskAcceptedByAsync(StaffHost host, string volunteer)
    {
        await using var scope = host.Bot.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GovBot.Data.GovBotDb>();
        var tasks = scope.ServiceProvider.GetRequiredService<VolunteerTaskService>();
        var organiser = await db.People.SingleAsync(p => p.WeComUserId == DemoUsers.Staff);
        var team = await db.VolunteerTeams.SingleAsync(t => t.Name == "红色唠嗑队");
        var startsAt = DateTimeOffset.UtcNow.AddDays(-1);
        var created = await tasks.CreateAsync(new TaskDraft("社区义务植树", "清泉湖公园", startsAt, startsAt.AddHours(2), 2, organiser.CommunityId!.Value) { TeamId = team.Id },
            organiser, default);
        var task = (await tasks.FindAsync(created.Id, default))!;
        var person = await db.People.SingleAsync(p => p.WeComUserId == volunteer);
        Assert.True((await tasks.AcceptAsync(task, person, null, default)).Done);
        return task.Id;
    }

    private static Task<int> CapacityAsync(StaffHost host, int slotId) =>
        host.Bot.WithDbAsync(db => db.ServiceSlots.Where(s => s.Id == slotId).Select(s => s.Capacity).SingleAsync());

    private static string Input(DateTimeOffset at) => at.ToOffset(China).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    private static string Clock(DateTimeOffset at) => at.ToOffset(China).ToString("H:mm", CultureInfo.InvariantCulture);
}
