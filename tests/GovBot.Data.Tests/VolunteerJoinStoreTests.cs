using GovBot.Data.People;
using GovBot.Data.Seeding;
using GovBot.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Data.Tests;

public sealed class VolunteerJoinStoreTests
{
    [Fact]
    public async Task A_second_pending_request_for_the_same_team_is_refused_by_the_store_but_decided_ones_stay()
    {
        using var store = new TestStore();
        await using var db = await store.MigratedAndSeededAsync();
        var liu = await db.People.SingleAsync(p => p.WeComUserId == DemoUsers.Neighbour);
        var teams = await db.VolunteerTeams.Where(t => t.CommunityId == liu.CommunityId).OrderBy(t => t.Id).ToListAsync();

        db.VolunteerJoinRequests.Add(New(liu, teams[0], VolunteerJoinStatus.Pending));
        await db.SaveChangesAsync();
        db.VolunteerJoinRequests.Add(New(liu, teams[0], VolunteerJoinStatus.Pending));
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();

        // Another team is another request.
        db.VolunteerJoinRequests.Add(New(liu, teams[1], VolunteerJoinStatus.Pending));
        await db.SaveChangesAsync();

        var first = await db.VolunteerJoinRequests.SingleAsync(r => r.PersonId == liu.Id && r.TeamId == teams[0].Id);
        first.Status = VolunteerJoinStatus.Declined;
        first.DeclineReason = "人满了";
        await db.SaveChangesAsync();
        db.VolunteerJoinRequests.Add(New(liu, teams[0], VolunteerJoinStatus.Pending));
        await db.SaveChangesAsync();

        Assert.Equal(2, await db.VolunteerJoinRequests.CountAsync(r => r.PersonId == liu.Id && r.TeamId == teams[0].Id));
    }

    [Fact]
    public async Task Demo_teams_have_leads_who_are_members_except_the_couriers_run_by_the_community()
    {
        using var store = new TestStore();
        await using var db = await store.MigratedAndSeededAsync();
        var teams = await db.VolunteerTeams.Include(t => t.Lead).Include(t => t.Members).ToListAsync();
        Assert.Equal("郭秀英", teams.Single(t => t.Name == "红色唠嗑队").Lead?.Name);
        Assert.Null(teams.Single(t => t.Name == "快递小哥志愿服务队").LeadPersonId);
        Assert.All(teams.Where(t => t.LeadPersonId is not null), t => Assert.Contains(t.Members, m => m.PersonId == t.LeadPersonId));
    }

    private static VolunteerJoinRequest New(Person person, VolunteerTeam team, VolunteerJoinStatus status) => new()
    {
        PersonId = person.Id, TeamId = team.Id, Status = status, RequestedAt = TestStore.SeedTime,
    };
}
