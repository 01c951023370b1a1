using GovBot.Data.People;
using GovBot.Data.Places;

namespace GovBot.Data.Services;

/// <summary>A volunteer service event (志愿服务集市, 义诊进社区): where and when, and which team runs it.</summary>
public class ServiceEvent
{
    public int Id { get; set; }
    public required string Title { get; set; }
    /// <summary>Where people go, as they would say it: "清泉湖社区党群服务中心".</summary>
    public required string Place { get; set; }
    public DateTimeOffset Date { get; set; }
    public int? CommunityId { get; set; }
    public Community? Community { get; set; }
    public int? OrganiserTeamId { get; set; }
    public VolunteerTeam? OrganiserTeam { get; set; }
    /// <summary>When staff called the whole event off; its slots carry the same time. Kept, never deleted, for the history.</summary>
    public DateTimeOffset? CancelledAt { get; set; }
    public List<ServiceItem> Items { get; set; } = [];
}

/// <summary>One service offered at an event (理发, 义诊, 车辆检修), booked by time slot.</summary>
public class ServiceItem
{
    public int Id { get; set; }
    public int EventId { get; set; }
    public ServiceEvent? Event { get; set; }
    /// <summary>A name from the services gazetteer, so "剪个头" finds 理发.</summary>
    public required string Name { get; set; }
    public string? Provider { get; set; }
    public List<ServiceSlot> Slots { get; set; } = [];
}

/// <summary>
/// A time slot of a service item. <see cref="Booked"/> counts the bookings holding a place; it only moves by a
/// conditional UPDATE (<c>Booked &lt; Capacity</c>) so that no two writers, even in two processes, overbook it.
/// </summary>
public class ServiceSlot
{
    public int Id { get; set; }
    public int ItemId { get; set; }
    public ServiceItem? Item { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public int Capacity { get; set; }
    public int Booked { get; set; }
    /// <summary>When staff called the slot off: residents no longer see or book it; the row and its bookings stay as history.</summary>
    public DateTimeOffset? CancelledAt { get; set; }
}
