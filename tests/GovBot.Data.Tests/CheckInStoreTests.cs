using GovBot.Data.CheckIns;
using GovBot.Data.People;
using GovBot.Data.Seeding;
using GovBot.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Data.Tests;

public sealed class CheckInStoreTests
{
    [Fact]
    public async Task A_second_open_check_in_is_refused_by_the_store_but_closed_ones_stay()
    {
        using var store = new TestStore();
        await using var db = await store.MigratedAndSeededAsync();
        var chen = await db.People.SingleAsync(p => p.WeComUserId == DemoUsers.InServicePartyMember);

        db.CheckIns.Add(New(chen, CheckInStatus.Approved));
        await db.SaveChangesAsync();
        db.CheckIns.Add(New(chen, CheckInStatus.Pending));
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();

        var first = await db.CheckIns.SingleAsync(c => c.PersonId == chen.Id);
        first.Status = CheckInStatus.Closed;
        first.ClosedAt = TestStore.SeedTime;
        await db.SaveChangesAsync();
        db.CheckIns.Add(New(chen, CheckInStatus.Pending));
        await db.SaveChangesAsync();

        Assert.Equal(2, await db.CheckIns.CountAsync(c => c.PersonId == chen.Id));
        Assert.Equal(1, await db.CheckIns.CountAsync(c => c.PersonId == chen.Id && c.Status != CheckInStatus.Closed));
    }

    [Fact]
    public async Task The_demo_world_has_work_units_paired_with_compounds_and_checked_in_members()
    {
        using var store = new TestStore();
        await using var db = await store.MigratedAndSeededAsync();
        var transport = await db.WorkUnits.Include(u => u.Pairings).ThenInclude(p => p.Compound).SingleAsync(u => u.Name == "襄垣县交通运输局");
        Assert.Equal("外贸小区", Assert.Single(transport.Pairings).Compound!.Name);
        var kinds = await db.CheckIns.Where(c => c.Status == CheckInStatus.Approved).Select(c => c.Kind).ToListAsync();
        Assert.Contains(PartyMemberKind.Retired, kinds);
        Assert.Contains(PartyMemberKind.Mobile, kinds);
        Assert.All(await db.CheckIns.ToListAsync(), c => Assert.NotNull(c.CompoundBranchId));
    }

    private static CheckIn New(Person person, CheckInStatus status) => new()
    {
        PersonId = person.Id, Name = person.Name, Kind = PartyMemberKind.InService, CommunityId = person.CommunityId!.Value,
        CompoundId = person.CompoundId!.Value, Phone = person.Phone!, Status = status, SubmittedAt = TestStore.SeedTime,
    };
}
