using GovBot.Data;
using GovBot.Data.CustomerService;
using GovBot.Data.People;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Host.WeCom.CustomerService.Links;

/// <summary>
/// A resident came in through a community's or grid's link: their ExternalUser row remembers the scene, and a resident
/// whose address is not yet known starts with that community (onboarding then offers the grid's compounds first).
/// Runs in a scope of its own, so the puller's unit of work is not touched; safe to run again for the same event, and
/// tolerant of the channel having made the resident's rows a moment before.
/// </summary>
public sealed class CustomerServiceEntryObserver(IServiceScopeFactory scopes, ILogger<CustomerServiceEntryObserver> logger)
    : ICustomerServiceSessionObserver
{
    public async Task OnEnteredAsync(CustomerServiceEntered entered, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(entered.Scene)) return;
        for (var attempt = 1; ; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<GovBotDb>();
            var link = await db.CustomerServiceLinks.AsNoTracking().FirstOrDefaultAsync(l => l.Scene == entered.Scene, ct);
            if (link is null)
            {
                // A scene made by someone else (a poster of the account itself, another system): nothing to set.
                logger.LogInformation("enter_session with scene {Scene} that no link of this host made", entered.Scene);
                return;
            }
            try
            {
                await RecordAsync(db, entered, link, ct);
                return;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // The channel created the same resident in between (unique ExternalUserId / WeComUserId): read theirs.
            }
        }
    }

    /// <summary>Session moves are the handoff's (CustomerServiceHandoffObserver).</summary>
    public Task OnSessionChangedAsync(CustomerServiceSessionChanged changed, CancellationToken ct) => Task.CompletedTask;

    private static async Task RecordAsync(GovBotDb db, CustomerServiceEntered entered, CustomerServiceLink link, CancellationToken ct)
    {
        var external = await db.ExternalUsers.Include(e => e.Person).FirstOrDefaultAsync(e => e.ExternalUserId == entered.ExternalUserId, ct);
        if (external is null)
        {
            external = new ExternalUser
            {
                ExternalUserId = entered.ExternalUserId, OpenKfId = entered.OpenKfId, CreatedAt = entered.At, UpdatedAt = entered.At,
                SessionState = CustomerServiceState.New,
            };
            db.ExternalUsers.Add(external);
        }
        // Turns run as the person named by the external user's identity ("kf:" + external_userid), as the channel makes them.
        external.Person ??= await db.People.FirstOrDefaultAsync(p => p.WeComUserId == ExternalUser.IdentityOf(entered.ExternalUserId), ct);
        if (external.Person is null)
        {
            external.Person = new Person { WeComUserId = ExternalUser.IdentityOf(entered.ExternalUserId), Name = "居民", Roles = Roles.Resident, CreatedAt = entered.At };
            db.People.Add(external.Person);
        }
        external.EntryScene = link.Scene;
        external.UpdatedAt = entered.At;

        // Someone who already told us where they live keeps that: a code on another board does not move them.
        var person = external.Person;
        var staff = (person.Roles & (Roles.Staff | Roles.GridWorker | Roles.Secretary | Roles.CountyAdmin)) != 0;
        if (person.OnboardedAt is null && !staff && person.CommunityId != link.CommunityId)
        {
            person.CommunityId = link.CommunityId;
            person.CompoundId = null;
            person.BuildingId = null;
        }
        await db.SaveChangesAsync(ct);
    }
}
