using System.Globalization;
using System.Text;
using GovBot.Data;
using Microsoft.EntityFrameworkCore;
using static GovBot.Host.Staff.StaffHtml;

namespace GovBot.Host.Staff;

/// <summary>One entry of a drop-down: the row's id (or name) as the value, and what staff read.</summary>
public sealed record StaffChoice(int Id, string Name, string? Community);

/// <summary>
/// What the services forms choose from, within the caller's scope: volunteer teams (of the community, or of none),
/// communities (county admins only; everyone else works in their own), grids, and the services volunteers offer.
/// </summary>
public sealed record StaffServiceChoices(
    IReadOnlyList<StaffChoice> TeamList, IReadOnlyList<StaffChoice> CommunityList, IReadOnlyList<StaffChoice> GridList, IReadOnlyList<string> Skills)
{
    public static async Task<StaffServiceChoices> LoadAsync(GovBotDb db, StaffScope scope, CancellationToken ct)
    {
        var county = scope.County;
        var community = scope.CommunityId;
        var teams = await db.VolunteerTeams.AsNoTracking().Where(t => county || t.CommunityId == null || t.CommunityId == community)
            .OrderBy(t => t.Id).Select(t => new StaffChoice(t.Id, t.Name, county ? t.Community!.Name : null)).ToListAsync(ct);
        var communities = county
            ? await db.Communities.AsNoTracking().OrderBy(c => c.Id).Select(c => new StaffChoice(c.Id, c.Name, null)).ToListAsync(ct)
            : [];
        var grids = await db.Grids.AsNoTracking().Where(g => county || g.CommunityId == community)
            .OrderBy(g => g.CommunityId).ThenBy(g => g.Id).Select(g => new StaffChoice(g.Id, g.Name, county ? g.Community!.Name : null)).ToListAsync(ct);
        var skills = await db.VolunteerServiceKinds.AsNoTracking().Where(k => k.Active).OrderBy(k => k.SortOrder).Select(k => k.Name).ToListAsync(ct);
        return new StaffServiceChoices(teams, communities, grids, skills);
    }

    /// <summary>The team drop-down; the task form names the team (as the JSON endpoint does), the event form gives its id.</summary>
    public string Teams(string field, string selected, bool byName) =>
        Select(field, "不指定", TeamList, selected, t => byName ? t.Name : t.Id.ToString(CultureInfo.InvariantCulture));

    public string Grids(string field, string selected) =>
        Select(field, "整个社区", GridList, selected, g => g.Id.ToString(CultureInfo.InvariantCulture));

    /// <summary>A county admin picks the community; staff of a community get nothing to pick.</summary>
    public string Communities(StaffScope scope, string selected) => !scope.County ? "" :
        "<label>社区 " + Select("community", "请选择", CommunityList, selected, c => c.Id.ToString(CultureInfo.InvariantCulture), required: true) + "</label>";

    private static string Select(string field, string none, IReadOnlyList<StaffChoice> choices, string selected, Func<StaffChoice, string> value, bool required = false)
    {
        var html = new StringBuilder($"<select name=\"{field}\"{(required ? " required" : "")}><option value=\"\">{none}</option>");
        foreach (var c in choices)
        {
            var v = value(c);
            var label = c.Community is { Length: > 0 } place ? $"{c.Name}（{place}）" : c.Name;
            html.Append($"<option value=\"{E(v)}\"{(v == selected ? " selected" : "")}>{E(label)}</option>");
        }
        return html.Append("</select>").ToString();
    }
}
