using GovBot.Data;
using GovBot.Data.Services;
using GovBot.Skills.Conversation;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Skills.Services;

/// <summary>
/// Plans change: staff call off a slot or a whole event, move an event to another day, or move or call off a volunteer
/// task (a slot's own time is changed by <see cref="ServiceCatalog.ChangeSlotAsync"/>), and the people it
/// concerns hear it once. Nothing is deleted: a cancelled slot or event keeps its row with <c>CancelledAt</c>, its
/// bookings become Cancelled, a cancelled task keeps its offers. Each push has a source key fixed by what changed (the
/// booking, the task and its new time), so a retried form never tells anyone twice; a second cancel finds nothing left
/// to cancel and tells nobody.
/// </summary>
public sealed class ServicePlans(GovBotDb db, TimeProvider time)
{
    /// <summary>Calls off one slot that has not started; everyone holding or waiting for a place in it is told.</summary>
    public async Task<CatalogOutcome> CancelSlotAsync(ServiceSlot slot, CancellationToken ct)
    {
        if (slot.CancelledAt is not null) return new CatalogOutcome(slot.Id, null);
        if (slot.StartsAt <= time.GetUtcNow()) return CatalogOutcome.No("这个时段已经开始了，不能再取消。");
        var slotId = slot.Id;
        await CancelSlotsAsync(db.ServiceSlots.Where(s => s.Id == slotId), ct);
        return new CatalogOutcome(slot.Id, null);
    }

    /// <summary>Calls off an event: the event is marked and every slot of it not yet started is cancelled as one.</summary>
    public async Task<CatalogOutcome> CancelEventAsync(ServiceEvent serviceEvent, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var eventId = serviceEvent.Id;
        db.EnsureWritable();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.ServiceEvents.Where(e => e.Id == eventId && e.CancelledAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.CancelledAt, now), ct);
        await CancelSlotsAsync(db.ServiceSlots.Where(s => s.Item!.EventId == eventId), ct);
        await tx.CommitAsync(ct);
        return new CatalogOutcome(eventId, null);
    }

    /// <summary>
    /// Moves an event to another day: each slot keeps its time of day on the new date, and everyone holding or waiting
    /// for a place hears the new time once (keyed by the new day, so a retried form tells nobody twice and a second move
    /// is news again). An event with a slot already started cannot move: half of it has happened.
    /// </summary>
    public async Task<CatalogOutcome> MoveEventAsync(ServiceEvent serviceEvent, DateOnly day, CancellationToken ct)
    {
        if (serviceEvent.CancelledAt is not null) return CatalogOutcome.No("这个活动已经取消了。");
        var now = time.GetUtcNow();
        var from = DateOnly.FromDateTime(serviceEvent.Date.ToOffset(ServiceWording.China).DateTime);
        if (day == from) return new CatalogOutcome(serviceEvent.Id, null);
        if (day < DateOnly.FromDateTime(now.ToOffset(ServiceWording.China).DateTime)) return CatalogOutcome.No("新的日期已经过了。");
        var shift = TimeSpan.FromDays(day.DayNumber - from.DayNumber);
        var eventId = serviceEvent.Id;
        db.EnsureWritable();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Conditional on the date the form was made from: two staff moving the same event at once do not both shift it.
        var moved = await db.ServiceEvents.Where(e => e.Id == eventId && e.CancelledAt == null && e.Date == serviceEvent.Date)
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.Date, new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), ServiceWording.China)), ct);
        if (moved == 0) return CatalogOutcome.No("这个活动刚刚被改过，请刷新页面再试。");
        var slots = await db.ServiceSlots.Where(s => s.Item!.EventId == eventId && s.CancelledAt == null).ToListAsync(ct);
        if (slots.Any(s => s.StartsAt <= now)) return CatalogOutcome.No("这个活动已经开始了，不能再改期。");
        if (slots.Any(s => s.StartsAt + shift <= now)) return CatalogOutcome.No("改到这一天的话，有的时段已经过了，请换一天。");
        foreach (var slot in slots)
        {
            slot.StartsAt += shift;
            slot.EndsAt += shift;
        }
        await db.SaveChangesAsync(ct);
        var ids = slots.Select(s => s.Id).ToList();
        var held = await db.Bookings.Include(b => b.Person).Include(b => b.Slot!).ThenInclude(s => s.Item!).ThenInclude(i => i.Event)
            .Where(b => ids.Contains(b.SlotId) && (b.Status == BookingStatus.Booked || b.Status == BookingStatus.Waitlisted))
            .OrderBy(b => b.Id).ToListAsync(ct);
        foreach (var b in held)
        {
            var what = b.Status == BookingStatus.Waitlisted ? "候补" : "预约";
            var text = $"您{what}的{b.Slot!.Item!.Name}（{b.Slot.Item.Event!.Title}）改期了，现在是{ServiceWording.When(b.Slot, now)}，"
                + $"地点{b.Slot.Item.Event.Place}，预约号{b.Code}不变。去不了请回复「取消我的预约」。";
            await db.EnqueuePushAsync(new OutboxPush(new TextPart(text), [b.Person!.WeComUserId])
                { SourceKey = $"booking:{b.Id}:event-moved:{day.DayNumber}" }, now, ct);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new CatalogOutcome(eventId, null);
    }

    /// <summary>
    /// Marks the slots not yet started nor cancelled first (so a booking racing in fails on <c>CancelledAt</c>), then
    /// cancels their bookings and queues one push per booking, all in one transaction.
    /// </summary>
    private async Task CancelSlotsAsync(IQueryable<ServiceSlot> slots, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        db.EnsureWritable();
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            var ids = await slots.Where(s => s.CancelledAt == null && s.StartsAt > now).Select(s => s.Id).ToListAsync(ct);
            if (ids.Count > 0)
            {
                // Booked stays as it was: the number of places held when the slot was called off, for the history.
                await db.ServiceSlots.Where(s => ids.Contains(s.Id) && s.CancelledAt == null)
                    .ExecuteUpdateAsync(u => u.SetProperty(s => s.CancelledAt, now), ct);
                var held = await db.Bookings.Include(b => b.Person).Include(b => b.Slot!).ThenInclude(s => s.Item!).ThenInclude(i => i.Event)
                    .Where(b => ids.Contains(b.SlotId) && (b.Status == BookingStatus.Booked || b.Status == BookingStatus.Waitlisted))
                    .OrderBy(b => b.Id).ToListAsync(ct);
                foreach (var b in held)
                {
                    var what = b.Status == BookingStatus.Waitlisted ? "候补" : "预约";
                    b.Status = BookingStatus.Cancelled;
                    b.CancelledAt = now;
                    var text = $"抱歉，您{what}的{b.Slot!.Item!.Name}（{b.Slot.Item.Event!.Title}，{ServiceWording.When(b.Slot, now)}）取消了，"
                        + $"预约号{b.Code}作废。回复「预约」看看别的时间。";
                    await db.EnqueuePushAsync(new OutboxPush(new TextPart(text), [b.Person!.WeComUserId])
                        { SourceKey = $"booking:{b.Id}:slot-cancelled" }, now, ct);
                }
                await db.SaveChangesAsync(ct);
            }
            if (own is not null) await own.CommitAsync(ct);
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
    }

    /// <summary>New times for a task not yet started; the volunteers who accepted it hear the new time once.</summary>
    public async Task<CatalogOutcome> MoveTaskAsync(VolunteerTask task, DateTimeOffset startsAt, DateTimeOffset endsAt, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (Closed(task) is { } closed) return CatalogOutcome.No(closed);
        if (task.StartsAt <= now) return CatalogOutcome.No("这个任务已经开始了，不能再改时间。");
        if (endsAt <= startsAt) return CatalogOutcome.No("结束时间要晚于开始时间。");
        if (startsAt <= now) return CatalogOutcome.No("开始时间已经过了。");
        if (endsAt - startsAt > TimeSpan.FromDays(1)) return CatalogOutcome.No("一个任务不能超过一天。");
        if (startsAt == task.StartsAt && endsAt == task.EndsAt) return new CatalogOutcome(task.Id, null);
        task.StartsAt = startsAt;
        task.EndsAt = endsAt;
        var text = $"您接的志愿任务「{task.Title}」时间调整了，现在是{ServiceWording.When(task, now)}，地点{task.Place}。去不了请联系组织人"
            + (task.Organiser is { } o ? o.Name + (o.Phone is { } phone ? $" {phone}" : "") : "") + "。";
        // Keyed by the new time: a retried form is the same push, a second move is news again.
        await TellAcceptedAsync(task, text, $"vtask:{task.Id}:moved:{startsAt.UtcTicks}:{endsAt.UtcTicks}", now, ct);
        await db.SaveChangesAsync(ct);
        return new CatalogOutcome(task.Id, null);
    }

    /// <summary>Calls a task off: no more rounds, reminders, hours or points; the volunteers who accepted are told once.</summary>
    public async Task<CatalogOutcome> CancelTaskAsync(VolunteerTask task, CancellationToken ct)
    {
        if (task.Status == VolunteerTaskStatus.Cancelled) return new CatalogOutcome(task.Id, null);
        if (Closed(task) is { } closed) return CatalogOutcome.No(closed);
        var now = time.GetUtcNow();
        if (task.EndsAt <= now) return CatalogOutcome.No("这个任务已经结束了，请确认时长。");
        task.Status = VolunteerTaskStatus.Cancelled;
        var text = $"抱歉，您接的志愿任务「{task.Title}」（{ServiceWording.When(task, now)}）取消了，不用去了。谢谢您！";
        await TellAcceptedAsync(task, text, $"vtask:{task.Id}:cancelled", now, ct);
        await db.SaveChangesAsync(ct);
        return new CatalogOutcome(task.Id, null);
    }

    private static string? Closed(VolunteerTask task) => task.Status switch
    {
        VolunteerTaskStatus.Done => "这个任务的时长已经确认过了，不能再改。",
        VolunteerTaskStatus.Cancelled => "这个任务已经取消了。",
        _ => null,
    };

    private async Task TellAcceptedAsync(VolunteerTask task, string text, string sourceKey, DateTimeOffset now, CancellationToken ct)
    {
        var users = task.Offers.Where(o => o.Answer == TaskAnswer.Accepted && o.Person is not null).Select(o => o.Person!.WeComUserId).Distinct().ToList();
        if (users.Count > 0) await db.EnqueuePushAsync(new OutboxPush(new TextPart(text), users) { SourceKey = sourceKey }, now, ct);
    }
}
