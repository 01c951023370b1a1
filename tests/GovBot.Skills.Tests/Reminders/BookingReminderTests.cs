using GovBot.Data;
using GovBot.Data.Seeding;
using GovBot.Data.Services;
using GovBot.Skills.Reminders;
using GovBot.Skills.Services;
using GovBot.Skills.Tests.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovBot.Skills.Tests.Reminders;

/// <summary>The day-before and hour-before booking reminders, on a fake clock against a real SQLite file.</summary>
public sealed class BookingReminderTests : IAsyncLifetime
{
    private ReportWorld _world = null!;

    public async Task InitializeAsync() => _world = await ReportWorld.StartAsync();

    public Task DisposeAsync()
    {
        _world.Dispose();
        return Task.CompletedTask;
    }

    private Task<int> RunAsync() => _world.WithAsync(s =>
        new BookingReminder(s.Db, new ReminderPusher(s.Db, _world.Time, Options.Create(new ReminderOptions())), _world.Time).RunAsync(default));

    private Task<int> BookAsync(string user, TimeSpan startsIn, string code) => _world.WithAsync(async s =>
    {
        var now = _world.Time.GetUtcNow();
        var slot = new ServiceSlot { StartsAt = now + startsIn, EndsAt = now + startsIn + TimeSpan.FromHours(1), Capacity = 5, Booked = 1 };
        var item = new ServiceItem { Name = "理发", Slots = [slot] };
        s.Db.ServiceEvents.Add(new ServiceEvent { Title = "志愿服务集市", Place = "清泉湖社区党群服务中心", Date = slot.StartsAt, Items = [item] });
        await s.Db.SaveChangesAsync();
        var person = await s.PersonAsync(user);
        s.Db.Bookings.Add(new Booking { Code = code, SlotId = slot.Id, PersonId = person.Id, Status = BookingStatus.Booked, CreatedAt = now });
        return await s.Db.SaveChangesAsync();
    });

    private async Task<List<string>> RemindersToAsync(string user) =>
        (await _world.PushesToAsync(user)).Select(p => p.Text).Where(t => t.StartsWith("提醒", StringComparison.Ordinal)).ToList();

    [Fact]
    public async Task A_booking_is_recalled_the_day_before_and_an_hour_before_each_once()
    {
        await BookAsync(DemoUsers.Resident, TimeSpan.FromHours(30), "Y1001");
        Assert.Equal(0, await RunAsync());

        _world.Time.Advance(TimeSpan.FromHours(6));
        Assert.Equal(1, await RunAsync());
        Assert.Equal(0, await RunAsync());
        var day = Assert.Single(await RemindersToAsync(DemoUsers.Resident));
        Assert.Contains("Y1001", day);
        Assert.Contains("取消我的预约", day);

        _world.Time.Advance(TimeSpan.FromHours(23));
        Assert.Equal(1, await RunAsync());
        Assert.Contains("一小时后开始", (await RemindersToAsync(DemoUsers.Resident))[1]);

        _world.Time.Advance(TimeSpan.FromHours(2));
        Assert.Equal(0, await RunAsync());
        Assert.Equal(2, (await RemindersToAsync(DemoUsers.Resident)).Count);
    }

    [Fact]
    public async Task A_booking_made_the_same_day_skips_the_day_before_reminder_and_a_cancelled_one_gets_none()
    {
        await BookAsync(DemoUsers.Resident, TimeSpan.FromHours(3), "Y2001");
        await BookAsync(DemoUsers.Neighbour, TimeSpan.FromHours(3), "Y2002");
        await _world.WithAsync(async s =>
        {
            var b = await s.Db.Bookings.SingleAsync(x => x.Code == "Y2002");
            b.Status = BookingStatus.Cancelled;
            return await s.Db.SaveChangesAsync();
        });

        Assert.Equal(0, await RunAsync());
        _world.Time.Advance(TimeSpan.FromHours(2.5));
        Assert.Equal(1, await RunAsync());
        Assert.Contains("一小时后开始", Assert.Single(await RemindersToAsync(DemoUsers.Resident)));
        Assert.Empty(await RemindersToAsync(DemoUsers.Neighbour));
    }
}
