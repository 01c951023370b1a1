using GovBot.Data;
using GovBot.Data.People;
using GovBot.Data.Services;
using GovBot.Data.Store;
using GovBot.Skills.Conversation;
using GovBot.Skills.Nlu;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Skills.Services;

public enum BookingResult
{
    Booked,
    Waitlisted,
    /// <summary>No place left and the person did not ask for the waitlist.</summary>
    Full,
    /// <summary>The person already holds a booking at an overlapping time (<see cref="BookingOutcome.Clash"/>).</summary>
    Overlap,
    Past,
    /// <summary>Staff called the slot off (<see cref="ServiceSlot.CancelledAt"/>).</summary>
    Cancelled,
}

public sealed record BookingOutcome(BookingResult Result, Booking? Booking = null, Booking? Clash = null);

/// <summary>
/// Booking service slots. Capacity is held by the store itself: a place is taken only by
/// <c>UPDATE ServiceSlots SET Booked = Booked + 1 WHERE Id = @id AND Booked &lt; Capacity</c>, which SQLite runs under
/// its single write lock, so concurrent turns, even in two hosts sharing the file, can never overbook; the booking row is
/// written in the same transaction, so nobody is told 预约成功 without one.
/// </summary>
public sealed class BookingService(GovBotDb db, TimeProvider time)
{
    public const string CodePrefix = "Y";

    /// <summary>The person's bookings not cancelled, newest first, with slot, item and event (not tracked).</summary>
    public async Task<List<Booking>> LatestOfAsync(int personId, int take, CancellationToken ct) =>
        await LatestOf.For(db)(db, personId, take).ToListAsync(ct);

    // Asked by every 我的上报; compiled once, it skips EF's per-call look at the expression tree.
    private static readonly ModelQuery<Func<GovBotDb, int, int, IAsyncEnumerable<Booking>>> LatestOf = new(() =>
        EF.CompileAsyncQuery((GovBotDb db, int personId, int take) => db.Bookings.AsNoTracking()
            .Include(b => b.Slot!).ThenInclude(s => s.Item!).ThenInclude(i => i.Event)
            .Where(b => b.PersonId == personId && b.Status != BookingStatus.Cancelled)
            .OrderByDescending(b => b.CreatedAt).ThenByDescending(b => b.Id).Take(take)));

    public IQueryable<Booking> Bookings() => db.Bookings.Include(b => b.Slot!).ThenInclude(s => s.Item!).ThenInclude(i => i.Event);

    /// <summary>
    /// Future slots not called off, soonest first; narrowed to a service name and to the China calendar days said (one day, or a
    /// range such as 下周 or 这周末; a clock time said with it does not narrow further) when given.
    /// </summary>
    public async Task<List<ServiceSlot>> OpenSlotsAsync(string? service, SaidDate? when, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var query = db.ServiceSlots.AsNoTracking().Include(s => s.Item!).ThenInclude(i => i.Event)
            .Where(s => s.StartsAt > now && s.CancelledAt == null);
        if (service is not null) query = query.Where(s => s.Item!.Name == service);
        var slots = await query.OrderBy(s => s.StartsAt).ThenBy(s => s.ItemId).ThenBy(s => s.Id).ToListAsync(ct);
        return when is { } said
            ? slots.Where(s => said.Includes(DateOnly.FromDateTime(s.StartsAt.ToOffset(ServiceWording.China).DateTime))).ToList()
            : slots;
    }

    /// <summary>The slot as residents may see it: null once staff called it off.</summary>
    public Task<ServiceSlot?> SlotAsync(int id, CancellationToken ct) =>
        db.ServiceSlots.AsNoTracking().Include(s => s.Item!).ThenInclude(i => i.Event).FirstOrDefaultAsync(s => s.Id == id && s.CancelledAt == null, ct);

    private Task<bool> CalledOffAsync(int slotId, CancellationToken ct) => db.ServiceSlots.AnyAsync(s => s.Id == slotId && s.CancelledAt != null, ct);

    /// <summary>The person's bookings that still hold or wait for a place, soonest first.</summary>
    public Task<List<Booking>> ActiveAsync(int personId, CancellationToken ct) =>
        Bookings().Where(b => b.PersonId == personId && (b.Status == BookingStatus.Booked || b.Status == BookingStatus.Waitlisted))
            .OrderBy(b => b.Slot!.StartsAt).ThenBy(b => b.Id).ToListAsync(ct);

    /// <summary>The next slot of the same service with a place left that the person could take.</summary>
    public async Task<ServiceSlot?> NextFreeAsync(ServiceSlot full, int personId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var candidates = await db.ServiceSlots.AsNoTracking().Include(s => s.Item!).ThenInclude(i => i.Event)
            .Where(s => s.Item!.Name == full.Item!.Name && s.Id != full.Id && s.StartsAt > now && s.Booked < s.Capacity && s.CancelledAt == null)
            .OrderBy(s => s.StartsAt).ThenBy(s => s.Id).ToListAsync(ct);
        foreach (var slot in candidates)
            if (await ClashAsync(personId, slot, ct) is null) return slot;
        return null;
    }

    /// <summary>Takes a place in the slot, or a place on its waitlist when full and <paramref name="waitlistIfFull"/>.</summary>
    public async Task<BookingOutcome> BookAsync(Person person, int slotId, bool waitlistIfFull, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var slot = await SlotAsync(slotId, ct);
        if (slot is null) return new BookingOutcome(await CalledOffAsync(slotId, ct) ? BookingResult.Cancelled : BookingResult.Past);
        if (slot.StartsAt <= now) return new BookingOutcome(BookingResult.Past);
        if (await ClashAsync(person.Id, slot, ct) is { } clash) return new BookingOutcome(BookingResult.Overlap, Clash: clash);

        db.EnsureWritable();
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            var took = await TakePlaceAsync(slotId, ct);
            // No place may also mean staff called the slot off since it was read: nobody queues for a cancelled slot.
            if (!took && (!waitlistIfFull || await CalledOffAsync(slotId, ct)))
            {
                if (own is not null) await own.RollbackAsync(ct);
                return new BookingOutcome(waitlistIfFull ? BookingResult.Cancelled : BookingResult.Full);
            }
            var booking = new Booking
            {
                SlotId = slotId,
                PersonId = person.Id,
                Status = took ? BookingStatus.Booked : BookingStatus.Waitlisted,
                CreatedAt = now,
                ConfirmedAt = took ? now : null,
            };
            db.Bookings.Add(booking);
            await db.SaveChangesAsync(ct);
            booking.Code = CodePrefix + (1000 + booking.Id);
            await db.SaveChangesAsync(ct);
            if (own is not null) await own.CommitAsync(ct);
            // Loaded, not assigned: an untracked slot attached here would be saved back with its stale count.
            await db.Entry(booking).Reference(b => b.Slot).Query().Include(s => s.Item!).ThenInclude(i => i.Event).LoadAsync(ct);
            return new BookingOutcome(took ? BookingResult.Booked : BookingResult.Waitlisted, booking);
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
    }

    /// <summary>
    /// Cancels the booking; a place it held goes to the first on the waitlist, who is told by push in the same transaction.
    /// Returns the promoted booking, if any.
    /// </summary>
    public async Task<Booking?> CancelAsync(Booking booking, CancellationToken ct)
    {
        if (booking.Status is not (BookingStatus.Booked or BookingStatus.Waitlisted)) return null;
        var now = time.GetUtcNow();
        db.EnsureWritable();
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            var held = booking.Status == BookingStatus.Booked;
            booking.Status = BookingStatus.Cancelled;
            booking.CancelledAt = now;
            await db.SaveChangesAsync(ct);
            Booking? promoted = null;
            if (held)
            {
                await db.ServiceSlots.Where(s => s.Id == booking.SlotId && s.Booked > 0)
                    .ExecuteUpdateAsync(u => u.SetProperty(s => s.Booked, s => s.Booked - 1), ct);
                promoted = await PromoteAsync(booking.SlotId, "有人取消了", ct);
                await db.SaveChangesAsync(ct);
            }
            if (own is not null) await own.CommitAsync(ct);
            return promoted;
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
    }

    /// <summary>Places a larger capacity freed go to the waitlist in order, each person told by push; returns those who moved up.</summary>
    public async Task<IReadOnlyList<Booking>> FillFromWaitlistAsync(int slotId, CancellationToken ct)
    {
        var promoted = new List<Booking>();
        while (await PromoteAsync(slotId, "增加了名额", ct) is { } next) promoted.Add(next);
        return promoted;
    }

    /// <summary>Gives a free place of the slot to the longest waiting person and pushes them the news (<paramref name="why"/> a place came free).</summary>
    private async Task<Booking?> PromoteAsync(int slotId, string why, CancellationToken ct)
    {
        var next = await Bookings().Include(b => b.Person)
            .Where(b => b.SlotId == slotId && b.Status == BookingStatus.Waitlisted)
            .OrderBy(b => b.CreatedAt).ThenBy(b => b.Id).FirstOrDefaultAsync(ct);
        if (next is null || !await TakePlaceAsync(slotId, ct)) return null;
        var now = time.GetUtcNow();
        next.Status = BookingStatus.Booked;
        next.ConfirmedAt = now;
        await db.SaveChangesAsync(ct);
        var text = $"好消息：您候补的{ServiceWording.Describe(next, now)}{why}，已经为您约上，预约号{next.Code}。到场时出示预约号即可；去不了请回复「取消我的预约」。";
        await db.EnqueuePushAsync(new OutboxPush(new TextPart(text), [next.Person!.WeComUserId]) { SourceKey = $"booking:{next.Id}:promoted" }, now, ct);
        return next;
    }

    /// <summary>The only way a place is taken: a conditional increment that fails when the slot is full.</summary>
    private async Task<bool> TakePlaceAsync(int slotId, CancellationToken ct) =>
        await db.ServiceSlots.Where(s => s.Id == slotId && s.Booked < s.Capacity && s.CancelledAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Booked, s => s.Booked + 1), ct) == 1;

    private Task<Booking?> ClashAsync(int personId, ServiceSlot slot, CancellationToken ct) =>
        Bookings().FirstOrDefaultAsync(b => b.PersonId == personId
            && (b.Status == BookingStatus.Booked || b.Status == BookingStatus.Waitlisted)
            && b.Slot!.StartsAt < slot.EndsAt && slot.StartsAt < b.Slot.EndsAt, ct);

    public static bool IsStaffOf(Person actor, int? communityId) =>
        actor.Has(Roles.CountyAdmin) || (actor.CommunityId == communityId && (actor.Roles & (Roles.Staff | Roles.Secretary)) != 0);

    /// <summary>Staff check a person in by booking code; the answer is what to tell the staff member.</summary>
    public async Task<(bool Done, string Text)> CheckInAsync(string code, Person staff, CancellationToken ct)
    {
        var normalized = code.Trim().ToUpperInvariant();
        var booking = await Bookings().Include(b => b.Person).FirstOrDefaultAsync(b => b.Code == normalized, ct);
        var now = time.GetUtcNow();
        if (booking is null) return (false, $"没有找到预约号{normalized}，请核对一下。");
        if (!IsStaffOf(staff, booking.Slot!.Item!.Event!.CommunityId)) return (false, "只有主办社区的工作人员可以核销预约。");
        var who = $"{booking.Person!.Name}（{ServiceWording.Describe(booking, now)}）";
        switch (booking.Status)
        {
            case BookingStatus.Booked or BookingStatus.NoShow:
                booking.Status = BookingStatus.CheckedIn;
                booking.CheckedInAt = now;
                booking.CheckedInById = staff.Id;
                await db.SaveChangesAsync(ct);
                return (true, $"已核销{normalized}：{who}。");
            case BookingStatus.CheckedIn:
                return (false, $"{normalized}已经核销过了：{who}。");
            case BookingStatus.Waitlisted:
                return (false, $"{normalized}还在候补，没有约上名额：{who}。");
            default:
                return (false, $"{normalized}已经取消了：{who}。");
        }
    }

    /// <summary>Bookings of slots already over that nobody checked in become no-shows; returns how many.</summary>
    public async Task<int> MarkNoShowsAsync(int? communityId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var query = db.Bookings.Where(b => b.Status == BookingStatus.Booked && b.Slot!.EndsAt < now);
        if (communityId is not null) query = query.Where(b => b.Slot!.Item!.Event!.CommunityId == communityId);
        var missed = await query.ToListAsync(ct);
        foreach (var b in missed) b.Status = BookingStatus.NoShow;
        await db.SaveChangesAsync(ct);
        return missed.Count;
    }
}
