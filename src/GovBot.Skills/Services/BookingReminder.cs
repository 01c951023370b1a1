using GovBot.Data;
using GovBot.Data.Services;
using GovBot.Skills.Reminders;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Skills.Services;

/// <summary>
/// Residents with a booking hear about it the day before and again an hour before. A reminder missed while the
/// host was down still goes out late, but only while the slot has not started; a booking made inside a window
/// skips that window's reminder (they have just booked, they know).
/// </summary>
public sealed class BookingReminder(GovBotDb db, ReminderPusher pusher, TimeProvider time) : IReminder
{
    public const string Kind = "booking";
    private static readonly TimeSpan DayBefore = TimeSpan.FromHours(24), HourBefore = TimeSpan.FromHours(1);

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var horizon = now + DayBefore;
        var due = await db.Bookings.AsNoTracking()
            .Where(b => b.Status == BookingStatus.Booked && b.Slot!.StartsAt > now && b.Slot.StartsAt <= horizon)
            .OrderBy(b => b.Id)
            .Select(b => new
            {
                b.Id, b.Code, b.CreatedAt, Slot = b.Slot!, Item = b.Slot!.Item!.Name,
                Place = b.Slot.Item.Event!.Place, b.Person!.WeComUserId,
            })
            .ToListAsync(ct);

        var pushed = 0;
        foreach (var b in due)
        {
            var (window, lead) = b.Slot.StartsAt - now <= HourBefore ? ("hour", HourBefore) : ("day", DayBefore);
            if (b.CreatedAt > b.Slot.StartsAt - lead) continue;
            var when = ServiceWording.When(b.Slot, now);
            var text = window == "hour"
                ? $"提醒：您预约的{b.Item}一小时后开始（{when}），地点{b.Place}，到了出示预约码 {b.Code} 就行。"
                : $"提醒：您预约了{when}的{b.Item}，地点{b.Place}，预约码 {b.Code}。去不了的话回复「取消我的预约」，把名额让给别人。";
            if (await pusher.PushAsync(Kind, $"reminder:{Kind}:{b.Id}:{window}", text, [b.WeComUserId], ct)) pushed++;
        }
        return pushed;
    }
}
