using GovBot.Data.CustomerService;
using GovBot.Data.Seeding;
using GovBot.Host.Tests.EndToEnd;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Host.Tests.CustomerService.Entry;

/// <summary>
/// 转人工 for a resident on 微信客服: kf/service_state/trans puts the grid worker on the session, the resident hears who,
/// and when the servicer ends it the session is the bot's again. Where WeCom refuses, the card of today is the handoff.
/// </summary>
public sealed class HandoffTransferTests
{
    private const string ExternalUserId = "wmZhangLi000001";

    /// <summary>A Wednesday morning, China time: grid hours, so the desk is the grid worker.</summary>
    private static readonly DateTimeOffset Morning = new(2026, 12, 2, 10, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task The_grid_worker_takes_the_session_and_the_bot_has_it_back_when_they_end_it()
    {
        await using var bot = await BotHost.StartAsync(settings: EntryLinksPageTests.Settings, now: Morning);
        bot.StandIn.AddCustomerServiceServicers(DemoUsers.GridWorker);
        await LinkZhangLiAsync(bot);

        var reply = await bot.SayAsync(DemoUsers.Resident, "找个真人问问我家暖气的事");
        Assert.Contains("已请网格员王建军来接待您", reply, StringComparison.Ordinal);
        Assert.Contains("直接在这里回复您", reply, StringComparison.Ordinal);

        var trans = Assert.Single(bot.StandIn.CallsTo("kf/service_state/trans"));
        Assert.Equal(3, trans.Body.GetProperty("service_state").GetInt32());
        Assert.Equal(DemoUsers.GridWorker, trans.Body.GetProperty("servicer_userid").GetString());
        Assert.Equal(3, bot.StandIn.SessionOf(EntryLinksPageTests.OpenKfId, ExternalUserId).State);
        var row = await RowAsync(bot);
        Assert.Equal(CustomerServiceState.Servicer, row.SessionState);
        Assert.Equal(DemoUsers.GridWorker, row.ServicerUserId);
        // The card still went: it carries what was said, and its 回复 works whatever the channel.
        await BotHost.EventuallyAsync(() => Task.FromResult(bot.PushedTextsTo(DemoUsers.GridWorker).Any(t => t.Contains("居民找人工", StringComparison.Ordinal))));

        // 王建军 ends the session in WeCom's client; the event reaches the observers.
        var ended = bot.StandIn.EndSessionAsServicer(EntryLinksPageTests.OpenKfId, ExternalUserId);
        Assert.NotNull(ended);
        Assert.Equal(3, ended.ChangeType);
        Assert.Equal(ended, Assert.Single(bot.StandIn.SessionEvents));
        await EntryObserverTests.ChangedAsync(bot, ended);
        await EntryObserverTests.ChangedAsync(bot, ended);
        row = await RowAsync(bot);
        Assert.Equal(CustomerServiceState.Assistant, row.SessionState);
        Assert.Null(row.ServicerUserId);

        // A servicer taking up the ended session (change type 4) has it again.
        await EntryObserverTests.ChangedAsync(bot, ended with { ChangeType = 4, OldServicerUserId = null, NewServicerUserId = DemoUsers.GridWorker });
        row = await RowAsync(bot);
        Assert.Equal(CustomerServiceState.Servicer, row.SessionState);
        Assert.Equal(DemoUsers.GridWorker, row.ServicerUserId);
    }

    [Fact]
    public async Task When_WeCom_refuses_the_grid_worker_as_servicer_the_card_is_the_handoff_and_the_resident_is_told_so()
    {
        await using var bot = await BotHost.StartAsync(settings: EntryLinksPageTests.Settings, now: Morning);
        await LinkZhangLiAsync(bot);

        var reply = await bot.SayAsync(DemoUsers.Resident, "找个真人问问我家暖气的事");
        Assert.Contains("已转给网格员王建军，看到后会在这里回复您", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("来接待您", reply, StringComparison.Ordinal);
        Assert.Empty(bot.StandIn.CallsTo("kf/service_state/trans"));
        Assert.Equal(CustomerServiceState.Assistant, (await RowAsync(bot)).SessionState);
        await BotHost.EventuallyAsync(() => Task.FromResult(bot.PushedTextsTo(DemoUsers.GridWorker).Any(t => t.Contains("居民找人工", StringComparison.Ordinal))));
    }

    [Fact]
    public async Task A_resident_of_the_WeCom_app_alone_is_handed_over_by_card_without_asking_the_customer_service_API()
    {
        await using var bot = await BotHost.StartAsync(settings: EntryLinksPageTests.Settings, now: Morning);
        bot.StandIn.AddCustomerServiceServicers(DemoUsers.GridWorker);

        var reply = await bot.SayAsync(DemoUsers.Resident, "找个真人问问我家暖气的事");
        Assert.Contains("已转给网格员王建军", reply, StringComparison.Ordinal);
        Assert.DoesNotContain(bot.StandIn.Calls, c => c.Endpoint.StartsWith("kf/", StringComparison.Ordinal));
    }

    /// <summary>张丽 also writes from WeChat: her ExternalUser row points at her person (a resident linked to one person).</summary>
    private static Task LinkZhangLiAsync(BotHost bot) => bot.WithDbAsync(async db =>
    {
        var person = await db.People.SingleAsync(p => p.WeComUserId == DemoUsers.Resident);
        db.ExternalUsers.Add(new ExternalUser
        {
            ExternalUserId = ExternalUserId, OpenKfId = EntryLinksPageTests.OpenKfId, PersonId = person.Id,
            SessionState = CustomerServiceState.Assistant, CreatedAt = Morning, UpdatedAt = Morning,
        });
        return await db.SaveChangesAsync();
    });

    private static Task<ExternalUser> RowAsync(BotHost bot) =>
        bot.WithDbAsync(db => db.ExternalUsers.AsNoTracking().SingleAsync(e => e.ExternalUserId == ExternalUserId));
}
