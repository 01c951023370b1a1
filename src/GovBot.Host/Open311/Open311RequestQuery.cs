using GovBot.Data;
using GovBot.Data.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Primitives;

namespace GovBot.Host.Open311;

/// <summary>
/// The filters of GET requests. <see cref="Tickets"/>, when given, overrides all others; otherwise requests made
/// between <see cref="From"/> and <see cref="To"/> (inclusive), of the categories and statuses given (null: all).
/// </summary>
public sealed record Open311RequestFilter(
    IReadOnlyList<string>? Tickets, IReadOnlyList<int>? CategoryIds, IReadOnlyList<ReportStatus>? Statuses, DateTimeOffset From, DateTimeOffset To);

/// <summary>Reads reports for GET requests and GET requests/{id}, newest first, at most 1000 at a time as the spec sets.</summary>
public sealed class Open311RequestQuery(GovBotDb db)
{
    public const int MaxResults = 1000;
    public static readonly TimeSpan MaxSpan = TimeSpan.FromDays(90);

    public static Open311RequestFilter ParseFilter(IQueryCollection query, DateTimeOffset now)
    {
        var tickets = Values(query["service_request_id"]).Select(t => t.ToUpperInvariant()).Distinct().ToList();
        if (tickets.Count > MaxResults) throw Open311Exception.BadRequest($"service_request_id 一次最多 {MaxResults} 个。");
        if (tickets.Count > 0) return new Open311RequestFilter(tickets, null, null, DateTimeOffset.MinValue, DateTimeOffset.MaxValue);

        var codes = Values(query["service_code"]).ToList();
        var categories = codes.Select(c => ServiceMapping.ParseCode(c) ?? throw Open311Exception.BadRequest($"service_code「{c}」不是有效的编号。")).ToList();

        var statuses = new List<ReportStatus>();
        foreach (var status in Values(query["status"]))
        {
            statuses.AddRange(status.ToLowerInvariant() switch
            {
                RequestMapping.Open => RequestMapping.OpenStatuses,
                RequestMapping.Closed => RequestMapping.ClosedStatuses,
                _ => throw Open311Exception.BadRequest($"status「{status}」无效，只能是 open 或 closed。"),
            });
        }

        var (from, to) = Window(Date(query, "start_date"), Date(query, "end_date"), now);
        return new Open311RequestFilter(null, categories.Count > 0 ? categories : null, statuses.Count > 0 ? statuses.Distinct().ToList() : null, from, to);
    }

    public async Task<List<RequestDto>> ListAsync(Open311RequestFilter filter, CancellationToken ct)
    {
        var query = Loaded();
        if (filter.Tickets is { } tickets) query = query.Where(r => tickets.Contains(r.Ticket));
        else
        {
            query = query.Where(r => r.CreatedAt >= filter.From && r.CreatedAt <= filter.To);
            if (filter.CategoryIds is { } categories) query = query.Where(r => categories.Contains(r.CategoryId));
            if (filter.Statuses is { } statuses) query = query.Where(r => statuses.Contains(r.Status));
        }
        var reports = await query.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Take(MaxResults).ToListAsync(ct);
        return Map(reports);
    }

    public async Task<RequestDto?> FindAsync(string ticket, CancellationToken ct)
    {
        var wanted = ticket.Trim().ToUpperInvariant();
        var report = await Loaded().FirstOrDefaultAsync(r => r.Ticket == wanted, ct);
        return report is null ? null : Map([report])[0];
    }

    private IQueryable<Report> Loaded() => db.Reports.AsNoTracking()
        .Include(r => r.Category).Include(r => r.Compound).Include(r => r.Building).Include(r => r.Grid)
        .Include(r => r.Community!).ThenInclude(c => c.Town!).ThenInclude(t => t.County);

    /// <summary>Only a media_url a client sent is published: residents' chat photos are theirs, not the public's.</summary>
    private static List<RequestDto> Map(List<Report> reports) =>
        reports.Select(r => RequestMapping.ToRequest(r)).ToList();

    /// <summary>The spec's default and limit: the most recent 90 days, and never a wider span.</summary>
    private static (DateTimeOffset From, DateTimeOffset To) Window(DateTimeOffset? start, DateTimeOffset? end, DateTimeOffset now)
    {
        var (from, to) = (start, end) switch
        {
            ({ } s, { } e) => (s, e),
            ({ } s, null) => (s, s + MaxSpan),
            (null, { } e) => (e - MaxSpan, e),
            _ => (now - MaxSpan, now),
        };
        if (from > to) throw Open311Exception.BadRequest("start_date 晚于 end_date。");
        if (to - from > MaxSpan) throw Open311Exception.BadRequest("start_date 到 end_date 不能超过 90 天。");
        return (from, to);
    }

    private static DateTimeOffset? Date(IQueryCollection query, string name)
    {
        var text = query[name].ToString();
        if (string.IsNullOrWhiteSpace(text)) return null;
        return Open311Time.TryParse(text, out var at) ? at
            : throw Open311Exception.BadRequest($"{name}「{text}」不是 ISO 8601 时间，例如 2026-11-23T08:00:00+08:00。");
    }

    /// <summary>A parameter "can be declared multiple times, comma delimited": both, in any mix.</summary>
    private static IEnumerable<string> Values(StringValues values) =>
        values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
