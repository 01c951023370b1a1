using GovBot.Data;
using GovBot.Data.CheckIns;
using GovBot.Data.People;
using GovBot.Data.Points;
using GovBot.Data.Reports;
using GovBot.Data.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovBot.Skills.Points;

/// <summary>
/// Writes the 红色账户. Every entry names its source, and a source already counted is skipped, so awarding is
/// safe to repeat: the event hooks, the catch-up sweep and a retried turn may all offer the same event.
/// Entries are added to the caller's context and saved with the caller's change (the turn's transaction).
/// </summary>
public sealed class PointsLedger(GovBotDb db, TimeProvider time, IOptions<PointsOptions> options)
{
    /// <summary>Adds the points the source kind's rule gives; null when already counted, no rule, or the year's cap is reached.</summary>
    public async Task<PointEntry?> AwardAsync(PointSource source, CancellationToken ct)
    {
        if (await CountedAsync(source.Kind, source.Id, ct)) return null;
        var rule = await db.PointRules.Include(r => r.Item).FirstOrDefaultAsync(r => r.SourceKind == source.Kind, ct);
        if (rule is null) return null;
        var points = rule.PerUnit ? (int)Math.Round(rule.Points * source.Units, MidpointRounding.AwayFromZero) : rule.Points;
        var year = PointsCalendar.YearOf(source.At);
        if (rule.CapPerYear is { } cap)
        {
            var so = await SumAsync(source.PersonId, year, source.Kind, ct);
            points = Math.Min(points, cap - so);
        }
        if (points <= 0) return null;
        return Add(new PointEntry
        {
            PersonId = source.PersonId, PointItemId = rule.PointItemId, Item = rule.Item, Dimension = rule.Item!.Dimension, Points = points,
            Reason = source.Reason, SourceKind = source.Kind, SourceId = source.Id, At = source.At, Year = year,
        });
    }

    /// <summary>
    /// Confirmed volunteer hours, for the volunteer-service feature to call when a record is confirmed:
    /// <paramref name="recordId"/> is that record's id, so a second call for the same record adds nothing.
    /// </summary>
    public Task<PointEntry?> AwardVolunteerHoursAsync(int personId, string recordId, decimal hours, DateTimeOffset at, string what, CancellationToken ct) =>
        AwardAsync(VolunteerHoursSource(personId, recordId, hours, at, what), ct);

    private static PointSource VolunteerHoursSource(int personId, string recordId, decimal hours, DateTimeOffset at, string what) =>
        new(PointSources.VolunteerHours, recordId, personId, at, $"志愿服务{hours:0.#}小时：{what}", hours);

    /// <summary>
    /// Staff add (positive) or deduct (negative) by hand, with a reason the member reads. <paramref name="requestId"/>
    /// lets a client retry without counting twice; the operator is kept on the line for audit.
    /// </summary>
    public async Task<PointEntry?> AdjustAsync(Person member, PointItem item, int points, string reason, Person staff, string requestId, CancellationToken ct)
    {
        var id = $"{staff.Id}:{requestId}";
        if (await CountedAsync(PointSources.Manual, id, ct)) return null;
        var now = time.GetUtcNow();
        return Add(new PointEntry
        {
            PersonId = member.Id, PointItemId = item.Id, Item = item, Dimension = item.Dimension, Points = points, Reason = reason,
            SourceKind = PointSources.Manual, SourceId = id, OperatorId = staff.Id, At = now, Year = PointsCalendar.YearOf(now),
        });
    }

    /// <summary>
    /// Derives entries for events that happened without one (before this feature, while it was down, or
    /// written by another instance): approved check-ins, well-rated reports handled by a party member, and
    /// volunteer hours an organiser confirmed.
    /// Oldest first, so yearly caps fall the same way every time. Saves; returns how many lines were added.
    /// </summary>
    public async Task<int> CatchUpAsync(CancellationToken ct)
    {
        // Only events without a line are read (an anti-join on the unique source index), so the catch-up costs the
        // same in a county with years of history as on the first day; the chat and the staff pages run it often.
        var counted = db.PointEntries;
        var approvals = await db.CheckInEvents.AsNoTracking().Where(e => e.Kind == CheckInEventKind.Approved)
            .Where(e => !counted.Any(l => l.SourceKind == PointSources.CheckIn && l.SourceId == e.Id.ToString()))
            .Select(e => new { e.Id, e.CheckIn!.PersonId, e.At }).ToListAsync(ct);
        var sources = approvals
            .Select(a => new PointSource(PointSources.CheckIn, a.Id.ToString(), a.PersonId, a.At, "双报到审核通过")).ToList();

        var minStars = options.Value.MinStarsForReward;
        var rated = await db.Reports.AsNoTracking()
            .Where(r => r.Status == ReportStatus.Rated && r.Stars >= minStars && r.AssigneeId != null
                && (r.Assignee!.Roles & Roles.PartyMember) != 0)
            .Where(r => !counted.Any(l => l.SourceKind == PointSources.ReportRated && l.SourceId == r.Id.ToString()))
            .Select(r => new { r.Id, r.Ticket, AssigneeId = r.AssigneeId!.Value, r.Stars, At = r.ClosedAt ?? r.UpdatedAt }).ToListAsync(ct);
        sources.AddRange(rated
            .Select(r => new PointSource(PointSources.ReportRated, r.Id.ToString(), r.AssigneeId, r.At, $"办理{r.Ticket}，居民评价{r.Stars}星")));

        var served = await db.VolunteerHours.AsNoTracking().Where(h => h.Attended && h.Minutes > 0)
            .Where(h => !counted.Any(l => l.SourceKind == PointSources.VolunteerHours && l.SourceId == h.Id.ToString()))
            .Select(h => new
            {
                h.Id, h.PersonId, h.Minutes, h.ConfirmedAt,
                Task = db.VolunteerTasks.Where(t => h.SourceKind == VolunteerHours.TaskSource && t.Id == h.SourceId).Select(t => t.Title).FirstOrDefault(),
            }).ToListAsync(ct);
        sources.AddRange(served
            .Select(h => VolunteerHoursSource(h.PersonId, h.Id.ToString(), h.Minutes / 60m, h.ConfirmedAt, h.Task ?? "志愿服务")));

        var lines = new List<PointEntry>();
        foreach (var source in sources.OrderBy(s => s.At).ThenBy(s => s.Kind).ThenBy(s => s.Id, StringComparer.Ordinal))
            if (await AwardAsync(source, ct) is { } line) lines.Add(line);
        if (lines.Count == 0) return 0;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another instance (or the background round) counted the same events a moment ago. Drop ours so the
            // caller's own change still saves; the lines are there already, which is all that matters.
            foreach (var line in lines) db.Entry(line).State = EntityState.Detached;
            return 0;
        }
        return lines.Count;
    }

    private async Task<bool> CountedAsync(string kind, string id, CancellationToken ct) =>
        db.PointEntries.Local.Any(e => e.SourceKind == kind && e.SourceId == id)
        || await db.PointEntries.AnyAsync(e => e.SourceKind == kind && e.SourceId == id, ct);

    private async Task<int> SumAsync(int personId, int year, string kind, CancellationToken ct)
    {
        var stored = await db.PointEntries.Where(e => e.PersonId == personId && e.Year == year && e.SourceKind == kind).SumAsync(e => e.Points, ct);
        var pending = db.ChangeTracker.Entries<PointEntry>().Where(e => e.State == EntityState.Added)
            .Select(e => e.Entity).Where(e => e.PersonId == personId && e.Year == year && e.SourceKind == kind).Sum(e => e.Points);
        return stored + pending;
    }

    private PointEntry Add(PointEntry entry)
    {
        db.PointEntries.Add(entry);
        return entry;
    }
}
