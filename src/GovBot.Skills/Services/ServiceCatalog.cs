using GovBot.Data;
using GovBot.Data.Services;
using GovBot.Skills.Conversation;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Skills.Services;

/// <summary>A new service event, as staff fill it in: the day is a China calendar day.</summary>
public sealed record EventDraft(string Title, string Place, DateOnly Day, int CommunityId, int? TeamId);

/// <summary>A slot's times and places, new or changed.</summary>
public sealed record SlotTimes(DateTimeOffset StartsAt, DateTimeOffset EndsAt, int Capacity);

/// <summary>What staff asked of the catalogue: done (with the new row's id), or refused with a reason in their words.</summary>
public sealed record CatalogOutcome(int? Id, string? Refusal)
{
    public bool Done => Refusal is null;

    public static CatalogOutcome No(string why) => new(null, why);
}

/// <summary>
/// Staff keep the events, items and slots that <see cref="BookingService"/> books from: the same tables, so a slot added
/// here can be booked in the chat at once. A slot's capacity changes by a conditional UPDATE (<c>Booked &lt;= new
/// capacity</c>), so a booking taken while the form was open is never squeezed out; places a larger capacity frees go to
/// the waitlist first, and people holding or waiting for a moved slot are told its new time.
/// </summary>
public sealed class ServiceCatalog(GovBotDb db, BookingService bookings, TimeProvider time)
{
    private const string CalledOff = "这个活动已经取消了。";
    public const int MaxTitle = 40, MaxPlace = 60, MaxItemName = 20, MaxProvider = 40, MaxCapacity = 1000;

    public async Task<CatalogOutcome> AddEventAsync(EventDraft draft, CancellationToken ct)
    {
        var title = draft.Title.Trim();
        var place = draft.Place.Trim();
        if (title.Length is < 2 or > MaxTitle) return CatalogOutcome.No($"活动名称要写2到{MaxTitle}个字。");
        if (place.Length is < 2 or > MaxPlace) return CatalogOutcome.No($"地点要写2到{MaxPlace}个字。");
        if (draft.Day < DateOnly.FromDateTime(time.GetUtcNow().ToOffset(ServiceWording.China).DateTime)) return CatalogOutcome.No("活动日期已经过了。");
        if (!await db.Communities.AnyAsync(c => c.Id == draft.CommunityId, ct)) return CatalogOutcome.No("请选择社区。");
        if (draft.TeamId is { } teamId
            && !await db.VolunteerTeams.AnyAsync(t => t.Id == teamId && (t.CommunityId == null || t.CommunityId == draft.CommunityId), ct))
            return CatalogOutcome.No("主办队伍要从本社区的志愿服务队里选。");
        var serviceEvent = new ServiceEvent
        {
            Title = title,
            Place = place,
            Date = new DateTimeOffset(draft.Day.ToDateTime(TimeOnly.MinValue), ServiceWording.China),
            CommunityId = draft.CommunityId,
            OrganiserTeamId = draft.TeamId,
        };
        db.ServiceEvents.Add(serviceEvent);
        await db.SaveChangesAsync(ct);
        return new CatalogOutcome(serviceEvent.Id, null);
    }

    public async Task<CatalogOutcome> AddItemAsync(ServiceEvent serviceEvent, string name, string? provider, CancellationToken ct)
    {
        if (serviceEvent.CancelledAt is not null) return CatalogOutcome.No(CalledOff);
        name = name.Trim();
        provider = provider?.Trim() is { Length: > 0 } p ? p : null;
        if (name.Length is < 1 or > MaxItemName) return CatalogOutcome.No($"服务项目要写1到{MaxItemName}个字，比如「理发」。");
        if (provider?.Length > MaxProvider) return CatalogOutcome.No($"提供方最多{MaxProvider}个字。");
        if (await db.ServiceItems.AnyAsync(i => i.EventId == serviceEvent.Id && i.Name == name, ct))
            return CatalogOutcome.No($"这个活动已经有「{name}」了，给它加时段就行。");
        var item = new ServiceItem { EventId = serviceEvent.Id, Name = name, Provider = provider };
        db.ServiceItems.Add(item);
        await db.SaveChangesAsync(ct);
        return new CatalogOutcome(item.Id, null);
    }

    public async Task<CatalogOutcome> AddSlotAsync(ServiceItem item, SlotTimes times, CancellationToken ct)
    {
        if (item.Event?.CancelledAt is not null) return CatalogOutcome.No(CalledOff);
        if (Check(times) is { } why) return CatalogOutcome.No(why);
        var slot = new ServiceSlot { ItemId = item.Id, StartsAt = times.StartsAt, EndsAt = times.EndsAt, Capacity = times.Capacity };
        db.ServiceSlots.Add(slot);
        await db.SaveChangesAsync(ct);
        return new CatalogOutcome(slot.Id, null);
    }

    /// <summary>New times and capacity for <paramref name="slot"/> (read untracked, so nothing stale is saved back).</summary>
    public async Task<CatalogOutcome> ChangeSlotAsync(ServiceSlot slot, SlotTimes times, CancellationToken ct)
    {
        if (slot.CancelledAt is not null) return CatalogOutcome.No("这个时段已经取消了，不能再改。");
        if (slot.StartsAt <= time.GetUtcNow()) return CatalogOutcome.No("这个时段已经开始了，不能再改。");
        if (Check(times) is { } why) return CatalogOutcome.No(why);
        var moved = times.StartsAt != slot.StartsAt || times.EndsAt != slot.EndsAt;
        db.EnsureWritable();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var changed = await db.ServiceSlots.Where(s => s.Id == slot.Id && s.Booked <= times.Capacity && s.CancelledAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.StartsAt, times.StartsAt).SetProperty(s => s.EndsAt, times.EndsAt)
                .SetProperty(s => s.Capacity, times.Capacity), ct);
        if (changed == 0)
        {
            var booked = await db.ServiceSlots.Where(s => s.Id == slot.Id).Select(s => s.Booked).FirstAsync(ct);
            return CatalogOutcome.No($"这个时段已经有{booked}人约上了，名额不能少于{booked}个。");
        }
        var promoted = await bookings.FillFromWaitlistAsync(slot.Id, ct);
        // Those who just moved up were told the new time with the good news.
        if (moved) await TellMovedAsync(slot.Id, promoted.Select(b => b.Id).ToList(), ct);
        await tx.CommitAsync(ct);
        return new CatalogOutcome(slot.Id, null);
    }

    private string? Check(SlotTimes times)
    {
        if (times.EndsAt <= times.StartsAt) return "结束时间要晚于开始时间。";
        if (times.EndsAt - times.StartsAt > TimeSpan.FromDays(1)) return "一个时段不能超过一天。";
        if (times.StartsAt <= time.GetUtcNow()) return "开始时间已经过了。";
        if (times.Capacity < 1) return "名额至少1个。";
        return times.Capacity > MaxCapacity ? $"名额最多{MaxCapacity}个。" : null;
    }

    /// <summary>Everyone holding or waiting for a place hears the new time; the booking code stays.</summary>
    private async Task TellMovedAsync(int slotId, IReadOnlyCollection<int> alreadyTold, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var held = await bookings.Bookings().Include(b => b.Person)
            .Where(b => b.SlotId == slotId && (b.Status == BookingStatus.Booked || b.Status == BookingStatus.Waitlisted) && !alreadyTold.Contains(b.Id))
            .OrderBy(b => b.Id).ToListAsync(ct);
        foreach (var b in held)
        {
            var text = $"您预约的{b.Slot!.Item!.Name}（{b.Slot.Item.Event!.Title}）时间调整了，现在是{ServiceWording.When(b.Slot, now)}，"
                + $"地点{b.Slot.Item.Event.Place}，预约号{b.Code}不变。去不了请回复「取消我的预约」。";
            await db.EnqueuePushAsync(new OutboxPush(new TextPart(text), [b.Person!.WeComUserId])
                { SourceKey = $"booking:{b.Id}:moved:{now.UtcTicks}" }, now, ct);
        }
        await db.SaveChangesAsync(ct);
    }
}
