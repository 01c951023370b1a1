using GovBot.Data;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Host.Staff;

/// <summary>One China week (Monday to Sunday) of the 「待学习」 figures.</summary>
/// <param name="Messages">Text messages residents sent that week.</param>
/// <param name="Missed">Those that ended in the fallback (kept for review, whatever became of them since).</param>
/// <param name="UnderstoodNow">
/// Of the missed, how many today's router reads differently, as an intent it acts on: what the labels since have bought.
/// </param>
public sealed record TeachingWeek(DateOnly Monday, int Messages, int Missed, int UnderstoodNow);

public static class TeachingWeeks
{
    public const int Weeks = 8;

    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    /// <summary>The last <see cref="Weeks"/> weeks, newest first, for a community (null: the whole county).</summary>
    public static async Task<IReadOnlyList<TeachingWeek>> CountAsync(
        GovBotDb db, TeachingReadings readings, int? community, DateTimeOffset now, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(now.ToOffset(China).DateTime);
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var weeks = new List<TeachingWeek>();
        for (var i = 0; i < Weeks; i++)
        {
            var day = monday.AddDays(-7 * i);
            var (from, to) = (At(day), At(day.AddDays(7)));
            var messages = await db.Inbox.AsNoTracking()
                .Where(m => m.MsgType == "text" && m.ReceivedAt >= from && m.ReceivedAt < to)
                .Where(m => community == null || db.People.Any(p => p.WeComUserId == m.UserId && p.CommunityId == community))
                .CountAsync(ct);
            var missed = await db.MissedMessages.AsNoTracking()
                .Where(m => m.At >= from && m.At < to && (community == null || m.CommunityId == community))
                .Select(m => new { m.Text, m.Intent }).ToListAsync(ct);
            // Understood now: today's router reads an intent into it, and not the one that led to the fallback then
            // (remembered until the router learns something, so a page load does not parse eight weeks of misses).
            var understood = missed.Count(m => readings.UnderstoodNow(m.Text, m.Intent));
            weeks.Add(new TeachingWeek(day, Math.Max(messages, missed.Count), missed.Count, understood));
        }
        return weeks;
    }

    private static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), China);
}
