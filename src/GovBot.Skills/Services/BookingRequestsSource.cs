using GovBot.Data.People;
using GovBot.Data.Services;
using GovBot.Skills.MyRequests;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Skills.Services;

/// <summary>我的预约: the person's service bookings in the list of 我的事项, and 查进度 Y1001.</summary>
public sealed class BookingRequestsSource(BookingService bookings, TimeProvider time) : IMyRequestsSource
{
    public IReadOnlyList<string> Keywords { get; } = ["预约", "候补"];

    public string? EmptyText => "您还没有预约。说「预约理发」或「周六有义诊吗」看看能约什么。";

    public async Task<IReadOnlyList<RequestLine>> ListAsync(Person person, int take, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var rows = await bookings.LatestOfAsync(person.Id, take, ct);
        return rows.Select(b => new RequestLine(b.CreatedAt, Line(b, now))).ToList();
    }

    public async Task<string?> DescribeAsync(Person person, string ticket, CancellationToken ct)
    {
        var b = await bookings.Bookings().FirstOrDefaultAsync(x => x.Code == ticket && x.PersonId == person.Id, ct);
        return b is null ? null : Line(b, time.GetUtcNow());
    }

    private static string Line(Booking b, DateTimeOffset now) =>
        $"{b.Code} {ServiceWording.Describe(b, now)}：{ServiceWording.Status(b.Status)}";
}
