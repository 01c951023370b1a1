using System.Security.Claims;
using GovBot.Data;
using GovBot.Data.People;
using GovBot.Host.CheckIns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovBot.Host.Staff;

/// <summary>
/// Who is calling a staff page or endpoint: the person signed in with the staff cookie, or (for the JSON
/// endpoints, where <see cref="StaffOptions.AllowStaffHeader"/> is on) the one named in <c>X-GovBot-Staff</c>.
/// Roles and places are read from the store on every request, so a withdrawn role takes effect at once.
/// </summary>
public sealed class StaffCallers(GovBotDb db)
{
    public const Roles StaffRoles = Roles.Staff | Roles.Secretary | Roles.GridWorker | Roles.CountyAdmin;

    /// <summary>The WeCom user id of the caller, or empty when nobody is named.</summary>
    public static string CallerId(HttpContext http)
    {
        if (http.User.Identity?.IsAuthenticated == true)
            return http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        var options = http.RequestServices.GetRequiredService<IOptions<StaffOptions>>().Value;
        return options.AllowStaffHeader ? http.Request.Headers[CheckInsApi.StaffHeader].ToString().Trim() : "";
    }

    /// <summary>The caller's scope; null when the caller is unknown or holds no staff role.</summary>
    public async Task<StaffScope?> ScopeAsync(HttpContext http, CancellationToken ct)
    {
        var id = CallerId(http);
        if (id.Length == 0) return null;
        var person = await db.People.Include(p => p.Community).FirstOrDefaultAsync(p => p.WeComUserId == id, ct);
        return person is null ? null : await ScopeOfAsync(person, ct);
    }

    public async Task<StaffScope?> ScopeOfAsync(Person person, CancellationToken ct)
    {
        // Someone who left the staff (address-book sync) is refused even if a role was left behind by hand.
        if ((person.Roles & StaffRoles) == 0 || person.LeftAt is not null) return null;
        if (person.Has(Roles.CountyAdmin)) return new StaffScope(person, true, null, []);
        if ((person.Roles & (Roles.Staff | Roles.Secretary)) != 0 && person.CommunityId is { } community)
            return new StaffScope(person, false, community, []);
        if (!person.Has(Roles.GridWorker)) return null;
        var grids = await db.GridWorkers.Where(w => w.PersonId == person.Id).Select(w => w.GridId).ToListAsync(ct);
        return new StaffScope(person, false, null, grids);
    }
}
