using GovBot.Data.People;

namespace GovBot.Data.Services;

public enum BookingStatus
{
    Booked = 0,
    Waitlisted = 1,
    Cancelled = 2,
    CheckedIn = 3,
    NoShow = 4,
}

/// <summary>A person's place (or place in the queue) in a service slot; the code (Y1001) is what staff check in by.</summary>
public class Booking
{
    public int Id { get; set; }
    /// <summary>"Y" and a number, set right after the row gets its id, in the same transaction.</summary>
    public string? Code { get; set; }
    public int SlotId { get; set; }
    public ServiceSlot? Slot { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }
    public BookingStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>When the person got a place (at booking, or when promoted from the waitlist).</summary>
    public DateTimeOffset? ConfirmedAt { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }
    public DateTimeOffset? CheckedInAt { get; set; }
    public int? CheckedInById { get; set; }
}
