using GovBot.Data.CustomerService;
using GovBot.Data.People;
using GovBot.Host.Tests.EndToEnd;
using GovBot.Host.WeCom.CustomerService;
using GovBot.Host.WeCom.CustomerService.Links;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovBot.Host.Tests.CustomerService.Entry;

/// <summary>
/// enter_session with a grid's scene, through the host's registered observers and a real store: the resident starts
/// with that community, and onboarding offers that grid's compounds. The resident scans and talks through the channel:
/// the stand-in's kf_msg_or_event callback and the host's sync_msg pull.
/// </summary>
public sealed class EntryObserverTests
{
    [Fact]
    public async Task A_resident_who_scanned_a_grids_code_is_offered_that_grids_compounds()
    {
        await using var bot = await BotHost.StartAsync(settings: EntryLinksPageTests.Settings);
        var grid = await PickGridAsync(bot);
        var link = await MakeLinkAsync(bot, grid.CommunityId, grid.Id);

        const string externalUserId = "wmEntryTest0001";
        // Scanning the grid's code: enter_session with the link's scene, through the real callback and pull.
        var chat = new WeChatChat(bot, EntryLinksPageTests.OpenKfId);
        var answer = await chat.User.ScanAsync(externalUserId, link.Url);
        Assert.Equal(System.Net.HttpStatusCode.OK, answer.Status);
        await BotHost.EventuallyAsync(() => bot.WithDbAsync(db => db.ExternalUsers.AnyAsync(e => e.ExternalUserId == externalUserId && e.EntryScene != null)));
        await bot.SettledAsync();
        // Twice: the puller retries an event whose observer failed, and a second run must change nothing.
        var entered = new CustomerServiceEntered(EntryLinksPageTests.OpenKfId, externalUserId, link.Scene, null, null, DateTimeOffset.UtcNow);
        await EnterAsync(bot, entered);

        var identity = ExternalUser.IdentityOf(externalUserId);
        var (external, person) = await bot.WithDbAsync(async db =>
        {
            var e = await db.ExternalUsers.AsNoTracking().SingleAsync(x => x.ExternalUserId == externalUserId);
            return (e, await db.People.AsNoTracking().SingleAsync(p => p.WeComUserId == identity));
        });
        Assert.Equal(link.Scene, external.EntryScene);
        Assert.Equal(person.Id, external.PersonId);
        Assert.Equal(grid.CommunityId, person.CommunityId);
        Assert.Equal(Roles.Resident, person.Roles);
        Assert.Null(person.OnboardedAt);

        var reply = await chat.SayAsync(externalUserId, "你好");
        // The greeting may come with the entry (send_msg_on_event) or with the first answer.
        var seen = string.Join("\n", chat.Sent(externalUserId).Select(GovBot.Emulator.WeComApiStandIn.KfText));
        Assert.Contains($"欢迎使用{grid.Community}{grid.Name}的社区小助手", seen, StringComparison.Ordinal);
        Assert.DoesNotContain("哪个社区", reply, StringComparison.Ordinal);
        Assert.Contains("住哪个小区", reply, StringComparison.Ordinal);
        foreach (var compound in grid.Compounds) Assert.Contains(compound, reply, StringComparison.Ordinal);
        foreach (var compound in grid.OtherCompounds) Assert.DoesNotContain(compound, reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_channels_own_rows_are_kept_and_an_onboarded_resident_is_not_moved()
    {
        await using var bot = await BotHost.StartAsync(settings: EntryLinksPageTests.Settings);
        var grid = await PickGridAsync(bot);
        var link = await MakeLinkAsync(bot, grid.CommunityId, grid.Id);

        // The channel core made the resident first (on a message before the enter event) and they told us their address elsewhere.
        var (personId, homeCommunity) = await bot.WithDbAsync(async db =>
        {
            var elsewhere = await db.Compounds.Where(c => c.CommunityId != grid.CommunityId).Select(c => new { c.Id, c.CommunityId }).FirstAsync();
            var p = new Person { WeComUserId = ExternalUser.IdentityOf("wmEntryTest0002"), Name = "居民", CreatedAt = DateTimeOffset.UtcNow, CommunityId = elsewhere.CommunityId, CompoundId = elsewhere.Id, OnboardedAt = DateTimeOffset.UtcNow };
            db.People.Add(p);
            db.ExternalUsers.Add(new ExternalUser { ExternalUserId = "wmEntryTest0002", OpenKfId = EntryLinksPageTests.OpenKfId, Person = p, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow, SessionState = CustomerServiceState.Assistant });
            await db.SaveChangesAsync();
            return (p.Id, elsewhere.CommunityId);
        });

        await EnterAsync(bot, new CustomerServiceEntered(EntryLinksPageTests.OpenKfId, "wmEntryTest0002", link.Scene, null, null, DateTimeOffset.UtcNow));

        await bot.WithDbAsync(async db =>
        {
            Assert.Equal(1, await db.ExternalUsers.CountAsync(e => e.ExternalUserId == "wmEntryTest0002"));
            Assert.Equal(1, await db.People.CountAsync(p => p.WeComUserId == ExternalUser.IdentityOf("wmEntryTest0002")));
            var e = await db.ExternalUsers.AsNoTracking().SingleAsync(x => x.ExternalUserId == "wmEntryTest0002");
            Assert.Equal(link.Scene, e.EntryScene);
            Assert.Equal(CustomerServiceState.Assistant, e.SessionState);
            Assert.Equal(homeCommunity, await db.People.Where(p => p.Id == personId).Select(p => p.CommunityId).SingleAsync());
            return 0;
        });

        // A scene no link of ours made leaves everything as it was.
        await EnterAsync(bot, new CustomerServiceEntered(EntryLinksPageTests.OpenKfId, "wmEntryTest0003", "gUnknown000", null, null, DateTimeOffset.UtcNow));
        Assert.False(await bot.WithDbAsync(db => db.ExternalUsers.AnyAsync(e => e.ExternalUserId == "wmEntryTest0003")));
    }

    internal sealed record GridPick(int Id, string Name, int CommunityId, string Community, List<string> Compounds, List<string> OtherCompounds);

    /// <summary>
    /// 王建军's grid (清华苑一期), once its community also has a compound outside it (翠竹园, in a grid of its own), so that
    /// "only the grid's compounds" can be told apart from "all the community's".
    /// </summary>
    internal static Task<GridPick> PickGridAsync(BotHost bot) => bot.WithDbAsync(async db =>
    {
        var home = await db.GridWorkers.Where(w => w.Person!.WeComUserId == GovBot.Data.Seeding.DemoUsers.GridWorker).Select(w => w.Grid!).FirstAsync();
        var other = new GovBot.Data.Places.Grid { CommunityId = home.CommunityId, Name = "翠竹园网格" };
        var micro = new GovBot.Data.Places.MicroGrid { Grid = other, Name = "翠竹园微网格" };
        db.Compounds.Add(new GovBot.Data.Places.Compound
        {
            CommunityId = home.CommunityId, Name = "翠竹园", Buildings = [new GovBot.Data.Places.Building { Name = "1号楼", Number = 1, MicroGrid = micro }],
        });
        await db.SaveChangesAsync();
        var candidates = await db.Grids.AsNoTracking().Where(g => g.Id == home.Id).Select(g => new { g.Id, g.Name, g.CommunityId, Community = g.Community!.Name }).ToListAsync();
        foreach (var g in candidates)
        {
            var inGrid = await db.Buildings.Where(b => b.MicroGrid != null && b.MicroGrid.GridId == g.Id).Select(b => b.Compound!.Name).Distinct().ToListAsync();
            var all = await db.Compounds.Where(c => c.CommunityId == g.CommunityId).Select(c => c.Name).ToListAsync();
            var others = all.Except(inGrid).Where(o => !inGrid.Any(i => i.Contains(o, StringComparison.Ordinal) || o.Contains(i, StringComparison.Ordinal))).ToList();
            if (inGrid.Count > 0 && others.Count > 0) return new GridPick(g.Id, g.Name, g.CommunityId, g.Community, inGrid, others);
        }
        throw new InvalidOperationException("The demo county has no grid with only some of its community's compounds.");
    });

    internal static async Task<CustomerServiceLink> MakeLinkAsync(BotHost bot, int communityId, int? gridId)
    {
        await using var scope = bot.Services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<CustomerServiceLinks>().EnsureAsync(communityId, gridId, CancellationToken.None);
        Assert.True(outcome.Ok, outcome.Error);
        return await bot.WithDbAsync(db => db.CustomerServiceLinks.AsNoTracking().SingleAsync(l => l.CommunityId == communityId && l.GridId == gridId));
    }

    /// <summary>As the puller does: every registered observer, in order.</summary>
    internal static async Task EnterAsync(BotHost bot, CustomerServiceEntered entered)
    {
        await using var scope = bot.Services.CreateAsyncScope();
        foreach (var observer in scope.ServiceProvider.GetServices<ICustomerServiceSessionObserver>())
            await observer.OnEnteredAsync(entered, CancellationToken.None);
    }

    internal static async Task ChangedAsync(BotHost bot, CustomerServiceSessionChanged changed)
    {
        await using var scope = bot.Services.CreateAsyncScope();
        foreach (var observer in scope.ServiceProvider.GetServices<ICustomerServiceSessionObserver>())
            await observer.OnSessionChangedAsync(changed, CancellationToken.None);
    }
}
