using GovBot.Data;
using GovBot.Data.People;
using GovBot.Data.Reports;
using GovBot.Skills.Conversation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GovBot.Skills.Reports;

/// <summary>What one sweep did.</summary>
public sealed record DeadlineSweep(int AcceptEscalations, int HandleEscalations, int RatedAutomatically)
{
    public bool DidAnything => AcceptEscalations + HandleEscalations + RatedAutomatically > 0;
}

/// <summary>
/// Keeps the time limits of reports. A report nobody accepted within its category's AcceptWithin, or
/// did not handle within HandleWithin of acceptance, goes to the community secretary once (the stamp on
/// the report and the push's source key both say so); a handled report not rated within the rating
/// period counts as accepted and the reporter is told. Run by the host on a timer.
/// </summary>
/// <remarks>
/// Each report is re-read, decided and saved on its own, so that one another host got to first (its
/// push's source key then fails our save) or one that throws does not hold back the rest.
/// </remarks>
public sealed partial class ReportDeadlines(
    GovBotDb db,
    ReportService reports,
    ReportRouting routing,
    TimeProvider time,
    IOptions<ReportOptions> options,
    ILogger<ReportDeadlines> log)
{
    public async Task<DeadlineSweep> SweepAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var categories = await db.ReportCategories.AsNoTracking().ToListAsync(ct);
        int accept = 0, handle = 0, rated = 0;
        if (categories.Count > 0)
        {
            // The shortest limit of any category narrows the rows in SQL; each report is then held to its own.
            var acceptCutoff = now - categories.Min(c => c.AcceptWithin);
            var waiting = await db.Reports
                .Where(r => r.Status == ReportStatus.Reported && r.AcceptEscalatedAt == null && r.CreatedAt <= acceptCutoff)
                .OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(ct);
            foreach (var id in waiting)
                if (await OneAsync(id, r => EscalateAcceptAsync(r, now, ct), ct)) accept++;

            var handleCutoff = now - categories.Min(c => c.HandleWithin);
            var working = await db.Reports
                .Where(r => (r.Status == ReportStatus.Accepted || r.Status == ReportStatus.Deliberating)
                    && r.HandleEscalatedAt == null && r.AcceptedAt != null && r.AcceptedAt <= handleCutoff)
                .OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(ct);
            foreach (var id in working)
                if (await OneAsync(id, r => EscalateHandleAsync(r, now, ct), ct)) handle++;
        }

        var ratingCutoff = now - options.Value.RatingPeriod;
        var unrated = await db.Reports
            .Where(r => r.Status == ReportStatus.Handled && r.HandledAt != null && r.HandledAt <= ratingCutoff)
            .OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(ct);
        foreach (var id in unrated)
            if (await OneAsync(id, r => AcceptWithoutRatingAsync(r, now, ct), ct)) rated++;

        db.ChangeTracker.Clear();
        return new DeadlineSweep(accept, handle, rated);
    }

    private async Task<bool> EscalateAcceptAsync(Report report, DateTimeOffset now, CancellationToken ct)
    {
        if (report.Status != ReportStatus.Reported || report.AcceptEscalatedAt is not null) return false;
        // A handover gives the new holder a fresh limit, so the clock runs from the latest one.
        var handovers = await reports.LastHandoversAsync([report.Id], ct);
        if (ReportClock.Due(report, handovers.TryGetValue(report.Id, out var h) ? h : null) is not { } due) return false;
        var (since, limit, overdue) = (due.Since, due.Limit, -due.LeftAt(now));
        if (overdue < TimeSpan.Zero) return false;

        var holders = await WhoShouldAcceptAsync(report, ct);
        var text = $"【超时未受理】{report.Ticket} {report.Category!.Name}\n地点：{ReportWording.Place(report)}\n"
            + $"{ReportWording.Local(since)}{(since > report.CreatedAt ? "转交" : "上报")}，受理时限{ReportWording.Duration(limit)}，"
            + $"已超时{ReportWording.Duration(overdue)}。\n待{holders}受理，请督促。";
        report.AcceptEscalatedAt = now;
        return await EscalateAsync(report, "受理", $"escalate-accept:{since.UtcTicks}", text, overdue, now, ct);
    }

    private async Task<bool> EscalateHandleAsync(Report report, DateTimeOffset now, CancellationToken ct)
    {
        if (report.Status is not (ReportStatus.Accepted or ReportStatus.Deliberating)
            || report.HandleEscalatedAt is not null || ReportClock.Due(report, null) is not { } due) return false;
        var (acceptedAt, limit, overdue) = (due.Since, due.Limit, -due.LeftAt(now));
        if (overdue < TimeSpan.Zero) return false;

        // Handed to a property company, the report has no assignee in WeCom: the company holds it.
        var holder = report.Assignee?.Name ?? report.HandedToName ?? "经办人";
        var deliberating = report.Status == ReportStatus.Deliberating ? $"（{report.DeliberationVenue ?? "协商"}中）" : "";
        var text = $"【超时未办结】{report.Ticket} {report.Category!.Name}\n地点：{ReportWording.Place(report)}\n"
            + $"{holder}{ReportWording.Local(acceptedAt)}受理{deliberating}，办结时限{ReportWording.Duration(limit)}，"
            + $"已超时{ReportWording.Duration(overdue)}。请督促办理。";
        report.HandleEscalatedAt = now;
        return await EscalateAsync(report, "办结", $"escalate-handle:{acceptedAt.UtcTicks}", text, overdue, now, ct);
    }

    /// <summary>
    /// Tells the secretaries (the community's staff when it has none) and records it. When the push
    /// is already in the outbox another sweep escalated this report: only the stamp is kept, no second event.
    /// </summary>
    private async Task<bool> EscalateAsync(
        Report report, string verb, string purpose, string text, TimeSpan overdue, DateTimeOffset now, CancellationToken ct)
    {
        List<Person> to = await routing.SecretariesAsync(report.CommunityId, ct);
        var told = "社区书记";
        if (to.Count == 0)
        {
            to = await routing.CommunityStaffAsync(report.CommunityId, ct);
            told = "社区工作人员";
        }

        if (to.Count > 0)
        {
            var push = new OutboxPush(new TextPart(text), to.Select(p => p.WeComUserId).ToList()) { SourceKey = $"report:{report.Id}:{purpose}" };
            if (await db.EnqueuePushAsync(push, now, ct) is null) return false;
        }
        else
        {
            LogNobodyToTell(log, report.Ticket, report.CommunityId);
        }

        var action = to.Count > 0 ? $"超时未{verb}，已提醒{told}" : $"超时未{verb}";
        report.Events.Add(new ReportEvent { From = report.Status, To = report.Status, Action = action, Note = $"超时{ReportWording.Duration(overdue)}", At = now });
        LogEscalated(log, report.Ticket, verb, overdue, to.Count);
        return true;
    }

    private async Task<bool> AcceptWithoutRatingAsync(Report report, DateTimeOffset now, CancellationToken ct)
    {
        var period = options.Value.RatingPeriod;
        if (report.Status != ReportStatus.Handled || report.HandledAt is not { } handledAt || handledAt + period > now) return false;
        reports.AcceptWithoutRating(report);
        if (report.Reporter is { } reporter)
        {
            var text = $"您反映的问题（{report.Ticket} {report.Category!.Name}）已办结{ReportWording.Duration(period)}，没收到评价，按认可处理。还有问题随时再反映。";
            await db.EnqueuePushAsync(new OutboxPush(new TextPart(text), [reporter.WeComUserId]) { SourceKey = $"report:{report.Id}:auto-rated" }, now, ct);
        }
        return true;
    }

    /// <summary>"网格员王建军" for the report's grid, all the grid workers for a compound of several grids, else the community.</summary>
    private async Task<string> WhoShouldAcceptAsync(Report report, CancellationToken ct)
    {
        if (report.HandedTo == HandoverTarget.Community) return "社区工作人员";
        var workers = report.GridId is { } grid
            ? await routing.GridWorkersAsync(grid, ct)
            : (await routing.RouteAsync(report.CommunityId, report.CompoundId, report.BuildingId, ct)).Workers;
        if (workers.Count == 0) return "社区工作人员";
        var names = string.Join("、", workers.OrderBy(w => w.Id).Select(w => w.Name));
        return workers.All(w => w.Has(Roles.GridWorker)) ? "网格员" + names : names;
    }

    /// <summary>Re-reads the report, lets <paramref name="decide"/> act on it, and saves; a failure costs only this report.</summary>
    private async Task<bool> OneAsync(int id, Func<Report, Task<bool>> decide, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        try
        {
            if (await reports.FindAsync(id, ct) is not { } report) return false;
            var acted = await decide(report);
            if (db.ChangeTracker.HasChanges()) await db.SaveChangesAsync(ct);
            return acted;
        }
        catch (DbUpdateException ex)
        {
            // Most likely another host escalated it in the same instant and its push took the source key.
            LogNotSaved(log, ex, id);
            return false;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            LogFailed(log, ex, id);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Report {Ticket} is overdue to {Verb} by {Overdue}; escalated to {Recipients} people")]
    private static partial void LogEscalated(ILogger logger, string ticket, string verb, TimeSpan overdue, int recipients);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Report {Ticket} is overdue but community {CommunityId} has no secretary or staff to tell")]
    private static partial void LogNobodyToTell(ILogger logger, string ticket, int communityId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deadline change to report {ReportId} was not saved; another sweep probably made it")]
    private static partial void LogNotSaved(ILogger logger, Exception ex, int reportId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Deadline check of report {ReportId} failed; the next sweep tries again")]
    private static partial void LogFailed(ILogger logger, Exception ex, int reportId);
}
