using GovBot.Data;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Skills.Onboarding;

public sealed partial class OnboardingSkill
{
    private EntryPlace? _entry;

    /// <summary>Where the resident's QR code came from: a community, and the grid (with its compounds) when it was a grid's.</summary>
    private sealed record EntryPlace(int CommunityId, string Community, string? Grid, IReadOnlyList<int> GridCompounds);

    /// <summary>
    /// The place of the link a WeChat resident came in through (ExternalUsers.EntryScene → CustomerServiceLinks), if it is
    /// still the community they are in; null for everyone else (WeCom app members never have one).
    /// </summary>
    private async Task<EntryPlace?> EntryAsync(int personId, int? communityId, CancellationToken ct)
    {
        if (communityId is null) return null;
        var link = await db.ExternalUsers.AsNoTracking()
            .Where(e => e.PersonId == personId && e.EntryScene != null)
            .OrderByDescending(e => e.UpdatedAt)
            .Join(db.CustomerServiceLinks, e => e.EntryScene, l => l.Scene, (e, l) => new
            {
                l.CommunityId, Community = l.Community!.Name, l.GridId, Grid = l.Grid != null ? l.Grid.Name : null,
            })
            .FirstOrDefaultAsync(ct);
        if (link is null || link.CommunityId != communityId) return null;
        // Compounds reach grids through their buildings' micro-grids: a compound with any building in the grid is in it.
        var compounds = link.GridId is { } grid
            ? await db.Buildings.AsNoTracking().Where(b => b.MicroGrid != null && b.MicroGrid.GridId == grid)
                .Select(b => b.CompoundId).Distinct().OrderBy(id => id).ToListAsync(ct)
            : [];
        return new EntryPlace(link.CommunityId, link.Community, link.Grid, compounds);
    }
}
