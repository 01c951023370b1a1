using System.Globalization;
using GovBot.Data.Reports;
using GovBot.Skills.Ai;

namespace GovBot.Host.Open311;

/// <summary>
/// Reports as GeoReport service requests. The service_request_id is the ticket residents and workers already
/// use ("S1001"). Open is 已上报, 已受理 and 协商中; closed is 已办结, 已评价 and 已驳回, because a handled report
/// waits only for the resident's rating, not for more work.
/// </summary>
internal static class RequestMapping
{
    public const string Open = "open", Closed = "closed";

    public static readonly ReportStatus[] OpenStatuses = [ReportStatus.Reported, ReportStatus.Accepted, ReportStatus.Deliberating];
    public static readonly ReportStatus[] ClosedStatuses = [ReportStatus.Handled, ReportStatus.Rated, ReportStatus.Rejected];

    /// <summary>Prefix of address_id: "B12" is building 12, "C3" compound 3, in this store's own numbering.</summary>
    public const char BuildingIdPrefix = 'B', CompoundIdPrefix = 'C';

    /// <summary>
    /// Report, with Category, Community (Town, County), Compound, Building and Grid loaded. Whatever a resident or a
    /// worker typed goes out with phone and ID numbers masked: a county system needs the matter, not the number.
    /// </summary>
    public static RequestDto ToRequest(Report r) => new(
        r.Ticket,
        r.IsOpen ? Open : Closed,
        PersonalDataMask.Apply(StatusNotes(r)),
        r.Category!.Name,
        ServiceMapping.Code(r.Category),
        PersonalDataMask.Apply(r.Description),
        Agency(r) is { } agency ? PersonalDataMask.Apply(agency) : null,
        ServiceMapping.Notice(r.Category),
        Open311Time.Format(r.CreatedAt),
        Open311Time.Format(Updated(r)),
        Open311Time.Format(Expected(r)),
        PersonalDataMask.Apply(Address(r)),
        AddressId(r),
        Zipcode: null,
        r.Latitude,
        r.Longitude,
        r.MediaUrl);

    /// <summary>Who works on it: the property company it was handed to, else the grid, else the community.</summary>
    public static string? Agency(Report r) =>
        r.HandedTo == HandoverTarget.PropertyManager && r.HandedToName is { } company ? company
        : r.Grid is { } grid ? (r.Community?.Name ?? "") + grid.Name
        : r.Community?.Name;

    private static string StatusNotes(Report r) => r.Status switch
    {
        ReportStatus.Reported => r.HandedToName is { } to ? $"已转交{to}，等待受理" : "已上报，等待受理",
        ReportStatus.Accepted => "已受理，正在处理",
        ReportStatus.Deliberating => $"协商中：已列入{r.DeliberationVenue ?? "居民议事"}议题",
        ReportStatus.Handled => "已办结：" + (r.ResultNote ?? ""),
        ReportStatus.Rated => "已办结：" + (r.ResultNote ?? "") + (r.Stars is { } s ? $"（居民评价 {s} 星）" : "（居民未评价，视为认可）"),
        ReportStatus.Rejected => "已驳回：" + (r.RejectReason ?? ""),
        _ => "",
    };

    /// <summary>For a closed request the spec wants the time it was closed: when it was handled, or rejected.</summary>
    private static DateTimeOffset Updated(Report r) => r.Status switch
    {
        ReportStatus.Handled or ReportStatus.Rated => r.HandledAt ?? r.UpdatedAt,
        ReportStatus.Rejected => r.ClosedAt ?? r.UpdatedAt,
        _ => r.UpdatedAt,
    };

    /// <summary>The deadlines of the category; none while it waits for a meeting, whose date nobody knows yet.</summary>
    private static DateTimeOffset? Expected(Report r) => r.Status switch
    {
        ReportStatus.Reported => r.CreatedAt + r.Category!.AcceptWithin + r.Category.HandleWithin,
        ReportStatus.Accepted => (r.AcceptedAt ?? r.UpdatedAt) + r.Category!.HandleWithin,
        _ => null,
    };

    /// <summary>
    /// "清徐县清源镇清泉湖社区清华苑一期3号楼 2单元": Chinese order, from the county down, because that is how the
    /// people reading it write addresses (the spec's "most specific first" is advice for western addresses).
    /// </summary>
    private static string Address(Report r)
    {
        var c = r.Community;
        var path = (c?.Town?.County?.Name ?? "") + (c?.Town?.Name ?? "") + (c?.Name ?? "") + (r.Compound?.Name ?? "") + (r.Building?.Name ?? "");
        var detail = r.PlaceNote ?? (r.Compound is null ? r.LocationLabel : null);
        return detail is { Length: > 0 } ? $"{path} {detail}" : path;
    }

    private static string? AddressId(Report r) =>
        r.BuildingId is { } b ? BuildingIdPrefix + b.ToString(CultureInfo.InvariantCulture)
        : r.CompoundId is { } c ? CompoundIdPrefix + c.ToString(CultureInfo.InvariantCulture)
        : null;
}
