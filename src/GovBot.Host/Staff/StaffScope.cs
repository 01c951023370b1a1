using GovBot.Data.People;
using GovBot.Data.Reports;

namespace GovBot.Host.Staff;

/// <summary>
/// What a signed-in staff member may see: a county admin everything, community staff and secretaries their
/// community, a grid worker the reports of their grids (and those assigned to them) and nothing else.
/// </summary>
public sealed record StaffScope(Person Person, bool County, int? CommunityId, IReadOnlyList<int> GridIds)
{
    /// <summary>Check-ins, bookings, points: lists kept per community, not per grid.</summary>
    public bool SeesCommunityLists => County || CommunityId is not null;

    /// <summary>The reminders and their schedules: the county admin and community secretaries.</summary>
    public bool ReadsReminders => County || Person.Has(Roles.Secretary);

    public IQueryable<Report> Reports(IQueryable<Report> reports)
    {
        if (County) return reports;
        if (CommunityId is { } community) return reports.Where(r => r.CommunityId == community);
        var grids = GridIds.ToList();
        var me = Person.Id;
        return reports.Where(r => (r.GridId != null && grids.Contains(r.GridId.Value)) || r.AssigneeId == me);
    }

    public bool Allows(Report report) =>
        County
        || (CommunityId is { } community ? report.CommunityId == community
            : (report.GridId is { } grid && GridIds.Contains(grid)) || report.AssigneeId == Person.Id);

    public bool AllowsCommunity(int? communityId) => County || (CommunityId is { } c && communityId == c);

    /// <summary>
    /// Lets a handler take the caller's scope as a parameter; the group's <see cref="StaffAccess"/> policy resolved it
    /// before the handler runs. Without such a policy there is none, and the call is answered 400 rather than served.
    /// </summary>
    public static ValueTask<StaffScope?> BindAsync(HttpContext http) => ValueTask.FromResult(StaffAccess.ScopeOf(http));

    public string Describe(string? communityName) =>
        County ? "全县" : CommunityId is not null ? communityName ?? "本社区" : "我负责的网格";
}
