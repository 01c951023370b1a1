using GovBot.Data.People;
using GovBot.Data.Seeding;
using GovBot.TestSupport;
using GovBot.Skills.Conversation;
using GovBot.Skills.Nlu;
using GovBot.Skills.Services;
using GovBot.Skills.Tests.Nlu;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace GovBot.Skills.Tests.Services;

/// <summary>
/// 下周有什么活动, 这周末有啥, 礼拜六推个头: the days said narrow the list, a week or weekend as a whole. The clock is
/// Monday 3 March 2025, 08:00 in 清徐; the seeded 志愿服务集市 is on Saturday 8 March.
/// </summary>
public sealed class ServiceListingTests : IAsyncLifetime
{
    private readonly TestStore _store = new();
    private readonly FakeTimeProvider _time = new(TestStore.SeedTime.AddDays(2));

    public async Task InitializeAsync()
    {
        await using var db = await _store.MigratedAndSeededAsync();
        await new DemoServicesSeeder(_time).SeedAsync(db);
    }

    public Task DisposeAsync()
    {
        _store.Dispose();
        return Task.CompletedTask;
    }

    private static SaidDate Said(string value) => SaidDate.TryParse(value, out var said) ? said : throw new ArgumentException(value);

    [Theory]
    [InlineData("2025-03-08/2025-03-09", 4)]   // 这周末
    [InlineData("2025-03-03/2025-03-09", 4)]   // 这周
    [InlineData("2025-03-10/2025-03-16", 0)]   // 下周
    [InlineData("2025-03-08", 4)]
    [InlineData("2025-03-08T15:00:00+08:00", 4)]   // a time said narrows to the day, not the hour
    [InlineData("2025-03-09", 0)]
    public async Task Slots_are_narrowed_to_the_days_said(string said, int count)
    {
        await using var db = _store.CreateDb();
        var slots = await new BookingService(db, _time).OpenSlotsAsync(null, Said(said), default);
        Assert.Equal(count, slots.Count);
    }

    private async Task<string> AskAsync(string text)
    {
        await using var db = _store.CreateDb();
        var user = await db.People.FirstAsync(p => p.WeComUserId == "zhangli");
        var now = _time.GetUtcNow();
        var nlu = NluTestSupport.RouterAt(now).Parse(text);
        var turn = new TurnContext(IncomingMessage.FromText(user.WeComUserId, text, now), user, null, nlu, now);
        return (await new ServiceSkill(new BookingService(db, _time), _time).StartAsync(turn, default)).ToPlainText();
    }

    [Fact]
    public async Task This_weekend_lists_the_fair_by_name_with_what_can_be_booked()
    {
        var text = await AskAsync("这周末有啥活动");
        Assert.Contains("这周末有志愿服务集市，能预约的有", text);
        Assert.Contains("理发（本周六上午", text);
        Assert.Contains("义诊", text);
        Assert.Contains("车辆检修", text);
    }

    [Fact]
    public async Task Next_week_has_nothing_and_says_what_is_on_before_it()
    {
        var text = await AskAsync("下周有什么活动");
        Assert.Contains("下周志愿服务暂时没有", text);
        Assert.Contains("理发（本周六上午", text);
        Assert.DoesNotContain("下周一", text);   // the week as a whole, not its Monday
    }

    [Theory]
    [InlineData("礼拜六推个头")]
    [InlineData("礼拜六想剪个头")]
    [InlineData("这周末理理发")]
    public async Task A_haircut_said_the_short_way_on_a_day_goes_straight_to_the_haircut_slots(string text)
    {
        var answer = await AskAsync(text);
        Assert.Contains("志愿服务集市的理发", answer);
        Assert.Contains("上午9:00–10:00", answer);
    }

    [Fact]
    public async Task Month_end_with_nothing_on_says_so_and_offers_what_there_is()
    {
        var text = await AskAsync("月底有义诊吗");
        Assert.Contains("月底义诊暂时没有", text);
        Assert.Contains("义诊（本周六上午", text);
    }
}
