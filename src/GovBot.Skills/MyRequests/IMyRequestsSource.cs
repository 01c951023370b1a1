using GovBot.Data.People;

namespace GovBot.Skills.MyRequests;

/// <summary>One line of "我的事项": something the person filed or booked, newest first across all sources.</summary>
public sealed record RequestLine(DateTimeOffset At, string Text);

/// <summary>
/// A skill's contribution to 我的上报/我的预约/查进度. Each skill that files things for people registers one,
/// so the list grows without this skill knowing about reports, bookings or check-ins.
/// </summary>
public interface IMyRequestsSource
{
    /// <summary>Words that narrow the list to this source: "上报" for reports, "预约" for bookings.</summary>
    IReadOnlyList<string> Keywords { get; }

    /// <summary>Whether its lines carry ticket numbers that 查进度 can open; the list's closing hint depends on it.</summary>
    bool HasTickets => true;

    /// <summary>What to say when the person asked for this source only ("我的报到") and it has nothing.</summary>
    string? EmptyText => null;

    Task<IReadOnlyList<RequestLine>> ListAsync(Person person, int take, CancellationToken ct);

    /// <summary>The full story of one ticket, or null when the ticket is not this source's.</summary>
    Task<string?> DescribeAsync(Person person, string ticket, CancellationToken ct);
}
