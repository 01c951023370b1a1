using GovBot.Host.Staff;

namespace GovBot.Host.Places;

/// <summary>
/// Places on a map: the compound pages where staff set coordinates (/staff/compounds) and the report map drawn on the
/// server (<see cref="ReportMap"/>, used by the report page). Matching a location to a compound lives in the report skill.
/// </summary>
public static class PlacesHosting
{
    /// <summary>Mapped inside the staff pages' group (antiforgery first), for community staff and county admins.</summary>
    public static IEndpointRouteBuilder MapPlacePages(this IEndpointRouteBuilder pages)
    {
        pages.MapGroup("").RequireAuthorization(StaffAccess.Community).MapStaffCompounds();
        return pages;
    }
}
