using GovBot.Data;
using GovBot.Data.CustomerService;
using GovBot.Data.People;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Host.WeCom.CustomerService;

/// <summary>
/// A WeChat user's first contact makes them a resident like any other: an <see cref="ExternalUser"/> row and a
/// <see cref="Person"/> named by their turn identity ("kf:" + external_userid), so onboarding, reports, bookings and
/// wishes work unchanged. Linking them to a corp member's person is left to staff (not built yet).
/// </summary>
public static class KfPeople
{
    /// <summary>Adds what is missing for <paramref name="externalUserIds"/>; the caller saves.</summary>
    public static async Task<Dictionary<string, ExternalUser>> EnsureAsync(
        GovBotDb db, string openKfId, IReadOnlyCollection<string> externalUserIds, DateTimeOffset now, CancellationToken ct)
    {
        var known = await db.ExternalUsers.Where(e => externalUserIds.Contains(e.ExternalUserId)).ToDictionaryAsync(e => e.ExternalUserId, ct);
        var missing = externalUserIds.Where(id => !known.ContainsKey(id)).ToList();
        if (missing.Count == 0) return known;

        var identities = missing.Select(ExternalUser.IdentityOf).ToList();
        // A turn may have registered the identity's person already (a row taken in before this user's row existed).
        var people = await db.People.Where(p => identities.Contains(p.WeComUserId)).ToDictionaryAsync(p => p.WeComUserId, ct);
        foreach (var id in missing)
        {
            var identity = ExternalUser.IdentityOf(id);
            if (!people.TryGetValue(identity, out var person))
            {
                person = new Person { WeComUserId = identity, Name = "居民", Roles = Roles.Resident, CreatedAt = now };
                db.People.Add(person);
            }
            var user = new ExternalUser
            {
                ExternalUserId = id, OpenKfId = openKfId, Person = person, SessionState = CustomerServiceState.New,
                CreatedAt = now, UpdatedAt = now,
            };
            db.ExternalUsers.Add(user);
            known[id] = user;
        }
        return known;
    }
}
