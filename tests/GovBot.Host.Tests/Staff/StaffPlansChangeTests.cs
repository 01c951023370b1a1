using System.Globalization;
using System.Net;
using GovBot.Data.Seeding;
using GovBot.Data.Services;
using GovBot.Host.Tests.EndToEnd;
using GovBot.Skills.Points;
using GovBot.Skills.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static GovBot.Host.Tests.Staff.StaffServicesPageTests;

namespace GovBot.Host.Tests.Staff;

/// <summary>
/// Plans change on /staff/services through the real host: a cancelled slot tells the booked and the waitlisted once
/// each (a retried form tells nobody again) and disappears from the resident's 预约; a moved task tells the volunteer
/// who accepted the new time, as a moved event tells those booked; a cancelled task earns no hours nor points; another community's secretary changes nothing.
/// </summary>
public sealed class StaffPlansChangeTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    private static FormUrlEncodedContent Empty() => new([]);

    [Fact]
    public async Task Cancelling_a_slot_tells_the_booked_and_the_waitlisted_once_and_residents_no_longer_see_it()
    {
        await using var host = await StaffHost.StartAsync();
        var slotId = await FairSlotAsync(host, "理发");
        await BookAsync(host, slotId, DemoUsers.Resident, DemoUsers.Neighbour);
        Assert.Equal(BookingResult.Waitlisted, await BookAsync(host, slotId, DemoUsers.MicroGridLead));
        var slot = await host.Bot.WithDbAsync(db => db.ServiceSlots.AsNoTracking().SingleAsync(s => s.Id == slotId));
        var cancelledTime = $"{Clock(slot.StartsAt)}–{Clock(slot.EndsAt)}";

        var (secretary, _) = await host.WeComSignInAsync(DemoUsers.Secretary);
        using (secretary)
        {
            Assert.Contains("取消这个时段并通知已预约的人", await secretary.GetStringAsync("/staff/services"), StringComparison.Ordinal);
            // Twice, as a browser retrying the request would: still one message each.
            for (var i = 0; i < 2; i++)
            {
                using var cancelled = await secretary.PostAsync($"/staff/services/slots/{slotId}/cancel", Empty());
                Assert.Equal("/staff/services", cancelled.Headers.Location?.ToString());
            }
            Assert.Contains("已取消", await secretary.GetStringAsync("/staff/services"), StringComparison.Ordinal);
        }

        foreach (var user in new[] { DemoUsers.Resident, DemoUsers.Neighbour, DemoUsers.MicroGridLead })
            await BotHost.EventuallyAsync(() => Task.FromResult(Told(host, user) == 1), because: $"{user} was not told the slot was cancelled.");
        await BotHost.ConsistentlyAsync(() => new[] { DemoUsers.Resident, DemoUsers.Neighbour, DemoUsers.MicroGridLead }.All(u => Told(host, u) == 1),
            because: "Someone was told twice that the slot was cancelled.");
        var told = host.Bot.PushedTextsTo(DemoUsers.MicroGridLead).Single(t => t.Contains("取消了", StringComparison.Ordinal));
        Assert.Contains("理发", told, StringComparison.Ordinal);
        Assert.Contains(cancelledTime, told, StringComparison.Ordinal);
        Assert.Contains("回复「预约」看看别的时间", told, StringComparison.Ordinal);

        var kept = await host.Bot.WithDbAsync(db => db.Bookings.Where(b => b.SlotId == slotId).Select(b => b.Status).ToListAsync());
        Assert.Equal(3, kept.Count);
        Assert.All(kept, s => Assert.Equal(BookingStatus.Cancelled, s));
        Assert.NotNull((await host.Bot.WithDbAsync(db => db.ServiceSlots.AsNoTracking().SingleAsync(s => s.Id == slotId))).CancelledAt);

        var offer = await host.Bot.SayAsync(DemoUsers.Resident, "预约理发");
        Assert.DoesNotContain(cancelledTime, offer, StringComparison.Ordinal);
        Assert.Equal(BookingResult.Cancelled, await BookAsync(host, slotId, DemoUsers.Newcomer));
    }

    [Fact]
    public async Task Cancelling_the_event_cancels_all_its_slots_and_tells_each_resident_once()
    {
        await using var host = await StaffHost.StartAsync();
        var clinic = await FairSlotAsync(host, "义诊");
        var haircut = await FairSlotAsync(host, "理发");
        await BookAsync(host, clinic, DemoUsers.Resident);
        await BookAsync(host, haircut, DemoUsers.Neighbour);
        var eventId = await host.Bot.WithDbAsync(db => db.ServiceSlots.Where(s => s.Id == clinic).Select(s => s.Item!.EventId).SingleAsync());

        var (secretary, _) = await host.WeComSignInAsync(DemoUsers.Secretary);
        using (secretary)
        {
            Assert.Contains("取消整个活动并通知已预约的人", await secretary.GetStringAsync("/staff/services"), StringComparison.Ordinal);
            using var cancelled = await secretary.PostAsync($"/staff/services/events/{eventId}/cancel", Empty());
            Assert.Equal("/staff/services", cancelled.Headers.Location?.ToString());
        }
        await BotHost.EventuallyAsync(() => Task.FromResult(
                host.Bot.PushedTextsTo(DemoUsers.Resident).Any(t => t.Contains("义诊") && t.Contains("取消了"))
                && host.Bot.PushedTextsTo(DemoUsers.Neighbour).Any(t => t.Contains("理发") && t.Contains("取消了"))),
            because: "The residents booked at the fair were not told it was cancelled.");
        await BotHost.ConsistentlyAsync(() => new[] { DemoUsers.Resident, DemoUsers.Neighbour }.All(u => host.Bot.PushedTextsTo(u).Count(t => t.Contains("取消了")) == 1),
            because: "A resident was told more than once.");
        Assert.NotNull((await host.Bot.WithDbAsync(db => db.ServiceEvents.AsNoTracking().SingleAsync(e => e.Id == eventId))).CancelledAt);
        Assert.False(await host.Bot.WithDbAsync(db => db.ServiceSlots.AnyAsync(s => s.Item!.EventId == eventId && s.CancelledAt == null)));
        await using var scope = host.Bot.Services.CreateAsyncScope();
        var open = await scope.ServiceProvider.GetRequiredService<BookingService>().OpenSlotsAsync(null, null, default);
        Assert.DoesNotContain(open, s => s.Item!.EventId == eventId);
    }

    [Fact]
    public async Task Moving_the_event_to_another_day_moves_its_slots_and_tells_each_resident_the_new_time_once()
    {
        await using var host = await StaffHost.StartAsync();
        var haircut = await FairSlotAsync(host, "理发");
        await BookAsync(host, haircut, DemoUsers.Resident, DemoUsers.Neighbour);
        Assert.Equal(BookingResult.Waitlisted, await BookAsync(host, haircut, DemoUsers.MicroGridLead));
        var before = await host.Bot.WithDbAsync(db => db.ServiceSlots.AsNoTracking().Include(s => s.Item!).ThenInclude(i => i.Event).SingleAsync(s => s.Id == haircut));
        var eventId = before.Item!.EventId;
        var slotsBefore = await host.Bot.WithDbAsync(db => db.ServiceSlots.AsNoTracking().Where(s => s.Item!.EventId == eventId)
            .OrderBy(s => s.Id).Select(s => s.StartsAt).ToListAsync());
        var newDay = before.Item.Event!.Date.ToOffset(China).AddDays(7);
        var code = await host.Bot.WithDbAsync(db => db.Bookings.Where(b => b.SlotId == haircut && b.Person!.WeComUserId == DemoUsers.Resident)
            .Select(b => b.Code).SingleAsync());

        var (secretary, _) = await host.WeComSignInAsync(DemoUsers.Secretary);
        using (secretary)
        {
            Assert.Contains("改期并通知已预约的人", await secretary.GetStringAsync("/staff/services"), StringComparison.Ordinal);
            using var past = await secretary.PostAsync($"/staff/services/events/{eventId}/move",
                Form(("date", DateTimeOffset.UtcNow.ToOffset(China).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))));
            Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
            Assert.Contains("新的日期已经过了", await past.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            // Twice, as a browser retrying the request would: the slots move once and each resident is told once.
            for (var i = 0; i < 2; i++)
            {
                using var moved = await secretary.PostAsync($"/staff/services/events/{eventId}/move",
                    Form(("date", newDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))));
                Assert.Equal("/staff/services", moved.Headers.Location?.ToString());
            }
        }

        var slotsAfter = await host.Bot.WithDbAsync(db => db.ServiceSlots.AsNoTracking().Where(s => s.Item!.EventId == eventId)
            .OrderBy(s => s.Id).Select(s => s.StartsAt).ToListAsync());
        Assert.Equal(slotsBefore.Select(t => t.AddDays(7)), slotsAfter);
        Assert.Equal(newDay.Date, (await host.Bot.WithDbAsync(db => db.ServiceEvents.AsNoTracking().SingleAsync(e => e.Id == eventId))).Date.ToOffset(China).Date);
        static int Moved(StaffHost host, string user) => host.Bot.PushedTextsTo(user).Count(t => t.Contains("改期了", StringComparison.Ordinal));
        var everyone = new[] { DemoUsers.Resident, DemoUsers.Neighbour, DemoUsers.MicroGridLead };
        await BotHost.EventuallyAsync(() => Task.FromResult(everyone.All(u => Moved(host, u) == 1)), because: "Each resident at the fair should hear the new day.");
        await BotHost.ConsistentlyAsync(() => everyone.All(u => Moved(host, u) == 1), because: "A resident was told the new day twice.");
        var told = host.Bot.PushedTextsTo(DemoUsers.Resident).Single(t => t.Contains("改期了", StringComparison.Ordinal));
        Assert.Contains($"{Clock(before.StartsAt)}–{Clock(before.EndsAt)}", told, StringComparison.Ordinal);
        Assert.Contains($"预约号{code}不变", told, StringComparison.Ordinal);
        Assert.Contains("候补", host.Bot.PushedTextsTo(DemoUsers.MicroGridLead).Single(t => t.Contains("改期了", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.All(await host.Bot.WithDbAsync(db => db.Bookings.Where(b => b.SlotId == haircut).Select(b => b.Status).ToListAsync()),
            s => Assert.NotEqual(BookingStatus.Cancelled, s));
    }

    [Fact]
    public async Task A_moved_task_tells_the_volunteer_the_new_time_and_a_cancelled_one_earns_no_hours_nor_points()
    {
        await using var host = await StaffHost.StartAsync();
        var taskId = await FutureTaskAcceptedByAsync(host, DemoUsers.Volunteer);
        var (staff, _) = await host.WeComSignInAsync(DemoUsers.Staff);
        using (staff)
        {
            Assert.Contains($"/staff/services/tasks/{taskId}/move", await staff.GetStringAsync("/staff/services"), StringComparison.Ordinal);
            for (var i = 0; i < 2; i++)
            {
                using var moved = await staff.PostAsync($"/staff/services/tasks/{taskId}/move", Form(("start", At(4, 14)), ("end", At(4, 16))));
                Assert.Equal("/staff/services", moved.Headers.Location?.ToString());
            }
            await BotHost.EventuallyAsync(() => Task.FromResult(host.Bot.PushedTextsTo(DemoUsers.Volunteer).Any(t => t.Contains("时间调整了") && t.Contains("14:00–16:00"))),
                because: "孙丽娟 was not told the task's new time.");
            await BotHost.ConsistentlyAsync(() => host.Bot.PushedTextsTo(DemoUsers.Volunteer).Count(t => t.Contains("时间调整了")) == 1,
                because: "孙丽娟 was told the new time more than once.");
            Assert.Equal(14, (await TaskAsync(host, taskId)).StartsAt.ToOffset(China).Hour);

            using var cancelled = await staff.PostAsync($"/staff/services/tasks/{taskId}/cancel", Empty());
            Assert.Equal("/staff/services", cancelled.Headers.Location?.ToString());
            await BotHost.EventuallyAsync(() => Task.FromResult(host.Bot.PushedTextsTo(DemoUsers.Volunteer).Any(t => t.Contains("取消了") && t.Contains("社区义务植树"))),
                because: "孙丽娟 was not told the task was cancelled.");
            Assert.Equal(VolunteerTaskStatus.Cancelled, (await TaskAsync(host, taskId)).Status);

            using var hours = await staff.PostAsync($"/staff/services/tasks/{taskId}/hours", Form(("attended", DemoUsers.Volunteer), ("hours", "2")));
            Assert.Equal(HttpStatusCode.BadRequest, hours.StatusCode);
            Assert.Contains("不记时长", await hours.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // The API's path too (the same service call): nothing recorded, so the ledger has nothing to award.
        await using var scope = host.Bot.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GovBot.Data.GovBotDb>();
        var tasks = scope.ServiceProvider.GetRequiredService<VolunteerTaskService>();
        var task = (await tasks.FindAsync(taskId, default))!;
        var organiser = await db.People.SingleAsync(p => p.WeComUserId == DemoUsers.Staff);
        Assert.Empty(await tasks.ConfirmHoursAsync(task, organiser, task.Offers.Select(o => o.PersonId).ToList(), 120, default));
        await scope.ServiceProvider.GetRequiredService<PointsLedger>().CatchUpAsync(default);
        Assert.False(await db.VolunteerHours.AnyAsync(h => h.SourceKind == VolunteerHours.TaskSource && h.SourceId == taskId));
        var volunteerId = await db.People.Where(p => p.WeComUserId == DemoUsers.Volunteer).Select(p => p.Id).SingleAsync();
        Assert.False(await db.PointEntries.AnyAsync(e => e.PersonId == volunteerId && e.SourceKind == PointSources.VolunteerHours));
    }

    [Fact]
    public async Task Another_communitys_secretary_can_neither_cancel_nor_move_and_nothing_changes()
    {
        await using var host = await StaffHost.StartAsync();
        var slotId = await FairSlotAsync(host, "理发");
        await BookAsync(host, slotId, DemoUsers.Resident);
        var eventId = await host.Bot.WithDbAsync(db => db.ServiceSlots.Where(s => s.Id == slotId).Select(s => s.Item!.EventId).SingleAsync());
        var taskId = await FutureTaskAcceptedByAsync(host, DemoUsers.Volunteer);
        var before = await TaskAsync(host, taskId);
        var eventDate = await host.Bot.WithDbAsync(db => db.ServiceEvents.Where(e => e.Id == eventId).Select(e => e.Date).SingleAsync());

        var (other, _) = await host.WeComSignInAsync("zhouwenbin");
        using (other)
        {
            foreach (var (path, form) in new[]
            {
                ($"/staff/services/slots/{slotId}/cancel", Empty()),
                ($"/staff/services/events/{eventId}/cancel", Empty()),
                ($"/staff/services/events/{eventId}/move", Form(("date", At(9, 0)[..10]))),
                ($"/staff/services/tasks/{taskId}/move", Form(("start", At(4, 14)), ("end", At(4, 16)))),
                ($"/staff/services/tasks/{taskId}/cancel", Empty()),
            })
            {
                using var refused = await other.PostAsync(path, form);
                Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            }
        }
        Assert.Null((await host.Bot.WithDbAsync(db => db.ServiceSlots.AsNoTracking().SingleAsync(s => s.Id == slotId))).CancelledAt);
        var fair = await host.Bot.WithDbAsync(db => db.ServiceEvents.AsNoTracking().SingleAsync(e => e.Id == eventId));
        Assert.Null(fair.CancelledAt);
        Assert.Equal(eventDate, fair.Date);
        Assert.Equal(BookingStatus.Booked, await host.Bot.WithDbAsync(db => db.Bookings.Where(b => b.SlotId == slotId).Select(b => b.Status).SingleAsync()));
        var after = await TaskAsync(host, taskId);
        Assert.Equal((before.Status, before.StartsAt), (after.Status, after.StartsAt));
        await BotHost.ConsistentlyAsync(() => Told(host, DemoUsers.Resident) == 0 && !host.Bot.PushedTextsTo(DemoUsers.Volunteer).Any(t => t.Contains("取消了") || t.Contains("时间调整了")),
            because: "Someone was told of a change another community's secretary was refused.");
    }

    private static int Told(StaffHost host, string user) =>
        host.Bot.PushedTextsTo(user).Count(t => t.Contains("取消了", StringComparison.Ordinal) && t.Contains("理发", StringComparison.Ordinal));

    private static Task<VolunteerTask> TaskAsync(StaffHost host, int id) =>
        host.Bot.WithDbAsync(db => db.VolunteerTasks.AsNoTracking().SingleAsync(t => t.Id == id));

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    private static string Clock(DateTimeOffset at) => at.ToOffset(China).ToString("H:mm", CultureInfo.InvariantCulture);

    /// <summary>A task of 清泉湖社区 in three days, organised by 赵晓燕, which <paramref name="volunteer"/> accepted.</summary>
    private static async Task<int> FutureTaskAcceptedByAsync(StaffHost host, string volunteer)
    {
        await using var scope = host.Bot.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GovBot.Data.GovBotDb>();
        var tasks = scope.ServiceProvider.GetRequiredService<VolunteerTaskService>();
        var organiser = await db.People.SingleAsync(p => p.WeComUserId == DemoUsers.Staff);
        var team = await db.VolunteerTeams.SingleAsync(t => t.Name == "红色唠嗑队");
        var startsAt = DateTimeOffset.UtcNow.AddDays(3);
        var created = await tasks.CreateAsync(new TaskDraft("社区义务植树", "清泉湖公园", startsAt, startsAt.AddHours(2), 2, organiser.CommunityId!.Value) { TeamId = team.Id },
            organiser, default);
        var task = (await tasks.FindAsync(created.Id, default))!;
        var person = await db.People.SingleAsync(p => p.WeComUserId == volunteer);
        Assert.True((await tasks.AcceptAsync(task, person, null, default)).Done);
        return task.Id;
    }
}
