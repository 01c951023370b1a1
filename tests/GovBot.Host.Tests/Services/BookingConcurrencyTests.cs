using GovBot.Data.People;
using GovBot.Data.Services;
using GovBot.Emulator;
using GovBot.Host.Tests.EndToEnd;
using GovBot.Host.Tests.WeCom;
using GovBot.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Host.Tests.Services;

/// <summary>
/// Many residents confirm the same haircut slot at the same instant through two hosts sharing one store and one Redis:
/// the slot never takes more than its capacity, and everyone told 预约成功 has a booking row with that code.
/// </summary>
[Collection(RedisServerFixture.Collection)]
public sealed class BookingConcurrencyTests(RedisServerFixture redis)
{
    private const int Residents = 16;

    [Fact]
    public async Task Simultaneous_confirmations_through_two_hosts_never_overbook()
    {
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = redis.ConnectionString };
        await using var first = await BotHost.StartAsync(settings: settings);
        await using var second = await BotHost.StartAsync(first.StandIn, first.DataDir, settings);
        var users = Enumerable.Range(1, Residents).Select(i => $"svc-rush-{Guid.NewGuid():N}"[..20] + i).ToList();
        await first.WithDbAsync(async db =>
        {
            var compound = await db.Compounds.FirstAsync(c => c.Name == "清华苑一期");
            db.People.AddRange(users.Select((u, i) => new Person
            {
                Name = $"居民{i + 1}", WeComUserId = u, Roles = Roles.Resident, CommunityId = compound.CommunityId, CompoundId = compound.Id,
                OnboardedAt = DateTimeOffset.UtcNow,
            }));
            return await db.SaveChangesAsync();
        });
        BotHost HostOf(int i) => i % 2 == 0 ? first : second;

        // Everyone gets as far as the confirmation while the slot still shows two places ...
        await Task.WhenAll(users.Select((u, i) => HostOf(i).SayAsync(u, "预约理发")));
        var asked = await Task.WhenAll(users.Select((u, i) => HostOf(i).SayAsync(u, "1")));
        Assert.All(asked, reply => Assert.Contains("请确认预约", reply));

        // ... then all confirm at once.
        var answers = await Task.WhenAll(users.Select((u, i) => HostOf(i).SayAsync(u, "是")));

        var told = answers.Where(a => a.Contains("预约成功")).ToList();
        var (booked, codes) = await first.WithDbAsync(async db => (
            await db.ServiceSlots.Where(s => s.Item!.Name == "理发").OrderBy(s => s.StartsAt).Select(s => s.Booked).FirstAsync(),
            await db.Bookings.Where(b => b.Status == BookingStatus.Booked).Select(b => b.Code!).ToListAsync()));
        Assert.Equal(2, booked);
        Assert.Equal(2, codes.Count);
        Assert.Equal(2, told.Count);
        Assert.All(codes, code => Assert.Single(told, a => a.Contains(code)));
        Assert.Equal(Residents - 2, answers.Count(a => a.Contains("已经约满了")));
    }
}
