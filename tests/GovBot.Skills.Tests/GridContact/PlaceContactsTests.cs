using GovBot.Data.Places;
using GovBot.Skills.GridContact;
using GovBot.Skills.Tests.Points;

namespace GovBot.Skills.Tests.GridContact;

/// <summary>物业电话 and the stations for the three compound shapes of the seeds, with open-now in China time.</summary>
public sealed class PlaceContactsTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    /// <summary>Monday 2025-03-03 10:00 in 清徐.</summary>
    private static readonly DateTimeOffset MondayMorning = new(2025, 3, 3, 10, 0, 0, China);
    /// <summary>Sunday 2025-03-09 19:00 in 清徐: the centres are shut, the 暖新驿站 is open until 20:00.</summary>
    private static readonly DateTimeOffset SundayEvening = new(2025, 3, 9, 19, 0, 0, China);

    [Theory]
    [InlineData("zhangli", "清华苑一期", "清徐县清华苑物业服务有限公司（演示）", "0351-5720111")]
    [InlineData("fengjianguo", "世纪花园", "清徐县世纪物业管理有限公司（演示）", "0351-5720211")]
    [InlineData("songyuxin", "中隐澜湾", "山西澜湾物业服务有限公司（演示）", "0351-5720311")]
    public async Task Property_phone_is_the_company_of_the_residents_own_compound(string user, string compound, string company, string phone)
    {
        using var world = await PointsWorld.StartAsync();
        var text = await world.WithAsync(async s => (await new PlaceContacts(s.Db).PropertyManagerAsync(await s.PersonAsync(user), default)).ToPlainText());
        Assert.Equal($"{compound}的物业是{company}，电话 {phone}。", text);
    }

    [Theory]
    [InlineData("zhangli", "清华苑一期小区党群服务站", "清泉湖社区党群服务中心")]
    [InlineData("fengjianguo", "世纪网格党群服务站", "迎新社区党群服务中心")]
    [InlineData("songyuxin", "中隐澜湾小区党群服务站", "金沙滩社区党群服务中心")]
    public async Task Party_service_answers_give_the_compounds_station_then_the_communitys_centre_and_say_if_open(string user, string station, string centre)
    {
        using var world = await PointsWorld.StartAsync();
        var kinds = new[] { ServiceStationKind.PartyServiceCenter, ServiceStationKind.PartyServiceStation };
        var monday = await world.WithAsync(async s => (await new PlaceContacts(s.Db).StationsAsync(await s.PersonAsync(user), kinds, MondayMorning, default)).ToPlainText());
        Assert.True(monday.IndexOf(station, StringComparison.Ordinal) < monday.IndexOf(centre, StringComparison.Ordinal), monday);
        Assert.Contains("周一至周五 8:30–17:30", monday);
        Assert.DoesNotContain("现在没开门", monday);

        var sunday = await world.WithAsync(async s => (await new PlaceContacts(s.Db).StationsAsync(await s.PersonAsync(user), kinds, SundayEvening, default)).ToPlainText());
        Assert.DoesNotContain("现在开着", sunday);
    }

    [Fact]
    public async Task The_rest_stop_is_open_on_a_sunday_evening_and_shut_late_at_night()
    {
        using var world = await PointsWorld.StartAsync();
        var kinds = new[] { ServiceStationKind.RestStop };
        var evening = await world.WithAsync(async s => (await new PlaceContacts(s.Db).StationsAsync(await s.PersonAsync("zhangli"), kinds, SundayEvening, default)).ToPlainText());
        Assert.Contains("清泉湖社区暖新驿站", evening);
        Assert.Contains("每天 8:00–20:00", evening);
        Assert.Contains("现在开着，20:00关门。", evening);

        var night = await world.WithAsync(async s => (await new PlaceContacts(s.Db).StationsAsync(await s.PersonAsync("zhangli"), kinds, SundayEvening.AddHours(2), default)).ToPlainText());
        Assert.Contains("现在没开门。", night);
    }

    [Theory]
    [InlineData("物业电话", ContactTopic.PropertyManager)]
    [InlineData("党群服务中心在哪", ContactTopic.PartyService)]
    [InlineData("暖新驿站几点开门", ContactTopic.RestStop)]
    [InlineData("我们的网格员是谁", ContactTopic.GridWorker)]
    [InlineData("网格员在哪", ContactTopic.GridWorker)]
    public void Words_pick_the_topic(string text, ContactTopic topic) => Assert.Equal(topic, ContactTopics.Of(text));
}
