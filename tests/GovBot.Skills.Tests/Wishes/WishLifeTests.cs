using GovBot.Data.Points;
using GovBot.Data.Seeding;
using GovBot.Data.Wishes;
using GovBot.Skills.Tests.Points;
using GovBot.Skills.Wishes;
using Microsoft.Extensions.Options;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Skills.Tests.Wishes;

public sealed class WishLifeTests
{
    private const string Resident = DemoUsers.Resident, Staff = DemoUsers.Staff;
    private const string Tian = DemoUsers.RetiredPartyMember, Ma = DemoUsers.MobilePartyMember;

    [Fact]
    public async Task A_wish_goes_from_posted_to_confirmed_with_a_stale_claim_released_on_the_way()
    {
        using var world = await PointsWorld.StartAsync();
        var id = await world.WithAsync(async s =>
        {
            var wish = await s.Wishes.PostAsync(await s.PersonAsync(Resident), "想请人帮忙买一袋面送上楼", default);
            await s.Db.SaveChangesAsync();
            return wish.Id;
        });
        Assert.Contains(await world.PushedTextsAsync(Staff), t => t.Contains("微心愿待审核") && t.Contains("买一袋面"));

        // Not listed before staff approve it.
        Assert.Empty(await world.WithAsync(async s => await s.Wishes.OpenAsync(await s.PersonAsync(Tian), 8, default)));
        await StepAsync(world, async s => await s.Wishes.ApproveAsync((await s.Wishes.FindAsync(id, default))!, await s.PersonAsync(Staff), null, default));
        Assert.Single(await world.WithAsync(async s => await s.Wishes.OpenAsync(await s.PersonAsync(Tian), 8, default)));

        // One claimer each: the second member is told it is gone.
        Assert.True(await StepAsync(world, async s => await s.Wishes.ClaimAsync(id, await s.PersonAsync(Tian), default)));
        Assert.False(await StepAsync(world, async s => await s.Wishes.ClaimAsync(id, await s.PersonAsync(Ma), default)));
        Assert.Contains(await world.PushedTextsAsync(Resident), t => t.Contains("党员田玉明认领了您的微心愿"));

        // Six days on nothing moves; after eight the claim is released and the claimer reminded.
        var job = (PointsWorld.Step s) => new StaleWishClaims(s.Wishes, Options.Create(new WishOptions { ClaimStaleAfter = TimeSpan.FromDays(7) })).ReleaseAsync(default);
        world.Time.Advance(TimeSpan.FromDays(6));
        Assert.Empty(await world.WithAsync(job));
        world.Time.Advance(TimeSpan.FromDays(2));
        Assert.Single(await world.WithAsync(job));
        Assert.Contains(await world.PushedTextsAsync(Tian), t => t.Contains("7天没有完成，已放回心愿墙"));
        Assert.Equal(WishStatus.Open, (await ReadAsync(world, id)).Status);

        // Another member claims, fulfils; the resident confirms; the points go to the one who did it, once.
        Assert.True(await StepAsync(world, async s => await s.Wishes.ClaimAsync(id, await s.PersonAsync(Ma), default)));
        Assert.False(await StepAsync(world, async s => await s.Wishes.FulfilAsync((await s.Wishes.FindAsync(id, default))!, await s.PersonAsync(Tian), default)));
        Assert.True(await StepAsync(world, async s => await s.Wishes.FulfilAsync((await s.Wishes.FindAsync(id, default))!, await s.PersonAsync(Ma), default)));
        Assert.Contains(await world.PushedTextsAsync(Resident), t => t.Contains("微心愿完成了吗"));
        Assert.True(await StepAsync(world, async s => await s.Wishes.ConfirmAsync((await s.Wishes.FindAsync(id, default))!, await s.PersonAsync(Resident), default)));
        Assert.False(await StepAsync(world, async s => await s.Wishes.ConfirmAsync((await s.Wishes.FindAsync(id, default))!, await s.PersonAsync(Resident), default)));

        Assert.Equal(WishStatus.Confirmed, (await ReadAsync(world, id)).Status);
        Assert.Equal(5, (await world.BalanceAsync(Ma)).ThisYear.Single(d => d.Dimension == PointDimension.Extra).Points);
        Assert.Equal(0, (await world.BalanceAsync(Tian)).AllTime);
        Assert.Contains(await world.PushedTextsAsync(Ma), t => t.Contains("红色账户加 5 分"));
    }

    [Fact]
    public async Task Only_party_members_claim_and_only_the_resident_confirms()
    {
        using var world = await PointsWorld.StartAsync();
        var id = await world.WithAsync(async s =>
        {
            var wish = await s.Wishes.PostAsync(await s.PersonAsync(Resident), "孩子想要一套课外书", default);
            await s.Wishes.ApproveAsync(wish, await s.PersonAsync(Staff), null, default);
            await s.Db.SaveChangesAsync();
            return wish.Id;
        });
        Assert.False(await StepAsync(world, async s => await s.Wishes.ClaimAsync(id, await s.PersonAsync(DemoUsers.GridWorker), default)));
        Assert.True(await StepAsync(world, async s => await s.Wishes.ClaimAsync(id, await s.PersonAsync(Tian), default)));
        Assert.True(await StepAsync(world, async s => await s.Wishes.FulfilAsync((await s.Wishes.FindAsync(id, default))!, await s.PersonAsync(Tian), default)));
        Assert.False(await StepAsync(world, async s => await s.Wishes.ConfirmAsync((await s.Wishes.FindAsync(id, default))!, await s.PersonAsync(Tian), default)));
        Assert.Equal(0, (await world.BalanceAsync(Tian)).AllTime);
    }

    private static Task<bool> StepAsync(PointsWorld world, Func<PointsWorld.Step, Task<Skills.Wishes.WishOutcome>> step) => world.WithAsync(async s =>
    {
        var outcome = await step(s);
        await s.Db.SaveChangesAsync();
        return outcome.Done;
    });

    private static Task<Wish> ReadAsync(PointsWorld world, int id) => world.WithAsync(s => s.Db.Wishes.AsNoTracking().SingleAsync(w => w.Id == id));
}
