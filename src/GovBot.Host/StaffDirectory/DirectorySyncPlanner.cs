using GovBot.Data;
using GovBot.Data.People;
using GovBot.Data.Places;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Host.StaffDirectory;

/// <summary>A person the sync marked as left, with the places they worked, for the handover of their open work.</summary>
public sealed record Leaver(Person Person, IReadOnlyList<int> FormerGrids, int? FormerCommunity);

/// <summary>What a sync changes, made on tracked entities; nothing is saved until the caller decides.</summary>
public sealed record DirectorySyncPlan(int SyncedBefore, int Added, int Changed, int Unchanged, IReadOnlyList<Leaver> Leavers);

/// <summary>
/// Makes the staff of mapped places match the address book. A mapped grid's department gives its members the
/// GridWorker role and an assignment to that grid; a mapped community's department gives Staff of that community,
/// and Secretary to a member whose position names 书记 (but not 副书记). "Synced staff" are the people holding a
/// staff role in a mapped place: for those the address book is the truth. Protected people (county admins, the
/// bootstrap admin) gain roles like anyone but never lose one.
/// </summary>
public sealed class DirectorySyncPlanner(GovBotDb db, DateTimeOffset now, Func<Person, bool> isProtected)
{
    private const Roles CommunityRoles = Roles.Staff | Roles.Secretary;
    private const Roles LeftRoles = Roles.GridWorker | Roles.Staff | Roles.Secretary | Roles.MicroGridLead;

    public static bool IsSecretaryPosition(string? position) =>
        position is not null && position.Contains("书记", StringComparison.Ordinal) && !position.Contains("副书记", StringComparison.Ordinal);

    public async Task<DirectorySyncPlan> PlanAsync(DirectoryBook book, IReadOnlyDictionary<long, Grid> grids, IReadOnlyDictionary<long, Community> communities, CancellationToken ct)
    {
        var mappedGrids = grids.Values.Select(g => g.Id).ToHashSet();
        var mappedCommunities = communities.Values.Select(c => c.Id).ToHashSet();
        var synced = await db.People
            .Where(p => ((p.Roles & CommunityRoles) != 0 && p.CommunityId != null && mappedCommunities.Contains(p.CommunityId.Value))
                || db.GridWorkers.Any(w => w.PersonId == p.Id && mappedGrids.Contains(w.GridId)))
            .Select(p => p.Id).ToListAsync(ct);
        var named = book.Members.Keys.Concat(book.Gone).ToList();
        var people = await db.People.Where(p => synced.Contains(p.Id) || named.Contains(p.WeComUserId)).ToListAsync(ct);
        var ids = people.Select(p => p.Id).ToList();
        var assignments = (await db.GridWorkers.Where(w => ids.Contains(w.PersonId)).ToListAsync(ct)).ToLookup(w => w.PersonId);
        var byUserId = people.ToDictionary(p => p.WeComUserId, StringComparer.Ordinal);

        int added = 0, changed = 0, unchanged = 0;
        var seen = new HashSet<int>();
        foreach (var member in book.Members.Values.OrderBy(m => m.UserId, StringComparer.Ordinal))
        {
            var wantedGrids = member.Departments.Order().Where(grids.ContainsKey).Select(d => grids[d]).DistinctBy(g => g.Id).ToList();
            var community = member.Departments.Order().Where(communities.ContainsKey).Select(d => communities[d]).FirstOrDefault();
            if (wantedGrids.Count == 0 && community is null) continue;
            var secretary = community is not null && IsSecretaryPosition(member.Position);

            if (!byUserId.TryGetValue(member.UserId, out var person))
            {
                person = new Person
                {
                    WeComUserId = member.UserId, Name = member.Name ?? member.UserId, Phone = member.Mobile, CreatedAt = now,
                    CommunityId = community?.Id ?? wantedGrids[0].CommunityId,
                    Roles = Roles.Resident | (wantedGrids.Count > 0 ? Roles.GridWorker : 0) | (community is null ? 0 : Roles.Staff) | (secretary ? Roles.Secretary : 0),
                };
                db.People.Add(person);
                foreach (var g in wantedGrids) db.GridWorkers.Add(new GridWorkerAssignment { GridId = g.Id, Person = person });
                added++;
                continue;
            }

            seen.Add(person.Id);
            var keep = isProtected(person);
            var before = (person.Name, person.Phone, person.Roles, person.CommunityId);
            var rejoined = person.LeftAt is not null;
            person.LeftAt = null;
            // Only what WeCom gave is written: a hidden mobile is unknown, not a reason to blank the one we have.
            if (member.Name is { } name) person.Name = name;
            if (member.Mobile is { } mobile) person.Phone = mobile;

            var mine = assignments[person.Id].ToList();
            var gridsMoved = false;
            foreach (var g in wantedGrids.Where(g => mine.All(w => w.GridId != g.Id)))
            {
                db.GridWorkers.Add(new GridWorkerAssignment { GridId = g.Id, PersonId = person.Id });
                gridsMoved = true;
            }
            if (!keep)
                foreach (var stale in mine.Where(w => mappedGrids.Contains(w.GridId) && wantedGrids.All(g => g.Id != w.GridId)))
                {
                    db.GridWorkers.Remove(stale);
                    mine.Remove(stale);
                    gridsMoved = true;
                }
            if (wantedGrids.Count > 0) person.Roles |= Roles.GridWorker;
            else if (!keep && mine.Count == 0) person.Roles &= ~Roles.GridWorker;

            if (community is not null)
            {
                person.Roles |= Roles.Staff;
                person.CommunityId = community.Id;
                if (secretary) person.Roles |= Roles.Secretary;
                else if (!keep) person.Roles &= ~Roles.Secretary;
            }
            else if (!keep && person.CommunityId is { } c && mappedCommunities.Contains(c))
                person.Roles &= ~CommunityRoles;
            person.CommunityId ??= wantedGrids.FirstOrDefault()?.CommunityId;

            if (rejoined) added++;
            else if (gridsMoved || before != (person.Name, person.Phone, person.Roles, person.CommunityId)) changed++;
            else unchanged++;
        }

        var leavers = new List<Leaver>();
        foreach (var person in people.Where(p => !seen.Contains(p.Id) && p.LeftAt is null && !isProtected(p)))
        {
            var mine = assignments[person.Id].ToList();
            var formerGrids = mine.Select(w => w.GridId).ToList();
            var formerCommunity = person.CommunityId;
            var gone = book.Gone.Contains(person.WeComUserId);
            if (!gone && !synced.Contains(person.Id)) continue;
            if ((person.Roles & LeftRoles) == 0 && mine.Count == 0) continue;

            var remaining = gone ? [] : mine.Where(w => !mappedGrids.Contains(w.GridId)).ToList();
            var keepsCommunity = !gone && (person.Roles & CommunityRoles) != 0 && person.CommunityId is { } c && !mappedCommunities.Contains(c);
            if (remaining.Count > 0 || keepsCommunity)
            {
                // Still staff elsewhere, in a place the address book does not govern: only the mapped places go.
                foreach (var w in mine.Except(remaining)) db.GridWorkers.Remove(w);
                if (remaining.Count == 0) person.Roles &= ~Roles.GridWorker;
                if (!keepsCommunity) person.Roles &= ~CommunityRoles;
                changed++;
                continue;
            }
            foreach (var w in mine) db.GridWorkers.Remove(w);
            person.Roles &= ~LeftRoles;
            person.LeftAt = now;
            leavers.Add(new Leaver(person, formerGrids, formerCommunity));
        }
        return new DirectorySyncPlan(synced.Count, added, changed, unchanged, leavers);
    }
}
