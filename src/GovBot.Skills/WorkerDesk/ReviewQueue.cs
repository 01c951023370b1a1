using GovBot.Data;
using GovBot.Data.CheckIns;
using GovBot.Data.People;
using GovBot.Data.Wishes;
using GovBot.Skills.CheckIns;
using GovBot.Skills.Wishes;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Skills.WorkerDesk;

/// <summary>What waits for a community's review: check-ins (双报到) and micro-wishes, oldest first.</summary>
public sealed record PendingReviews(string Community, IReadOnlyList<CheckIn> CheckIns, IReadOnlyList<Wish> Wishes)
{
    public int Count => CheckIns.Count + Wishes.Count;
}

/// <summary>待审核 of the person's own community: staff and secretaries review there and nowhere else.</summary>
public sealed class ReviewQueue(GovBotDb db, CheckInRoster roster, WishService wishes)
{
    /// <summary>Null for someone who reviews nothing: not staff or secretary, or with no community.</summary>
    public async Task<PendingReviews?> ForAsync(Person person, CancellationToken ct)
    {
        if ((person.Roles & (Roles.Staff | Roles.Secretary)) == 0 || person.CommunityId is not { } community) return null;
        var name = await db.Communities.AsNoTracking().Where(c => c.Id == community).Select(c => c.Name).FirstAsync(ct);
        var checkIns = await roster.ListAsync(new RosterFilter(community, CheckInStatus.Pending), ct);
        return new PendingReviews(name, [.. checkIns.OrderBy(c => c.SubmittedAt).ThenBy(c => c.Id)], await wishes.PendingAsync(community, ct));
    }
}
