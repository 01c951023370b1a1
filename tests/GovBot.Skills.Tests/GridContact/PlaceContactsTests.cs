using GovBot.Data.Places;
using GovBot.Skills.GridContact;
using GovBot.Skills.Nlu;
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
        var monday = await world.WithAsync(async s => (await new PlaceContacts(s.Db).StationsAsync(await s.PersonAsync(user), kinds, MondayMorning, null, default)).ToPlainText());
        Assert.True(monday.IndexOf(station, StringComparison.Ordinal) < monday.IndexOf(centre, StringComparison.Ordinal), monday);
        Assert.Contains("周一至周五 8:30–17:30", monday);
        Assert.DoesNotContain("现在没开门", monday);

        var sunday = await world.WithAsync(async s => (await new PlaceContacts(s.Db).StationsAsync(await s.PersonAsync(user), kinds, SundayEvening, null, default)).ToPlainText());
        Assert.DoesNotContain("现在开着", sunday);
    }

    [Fact]
    public async Task The_rest_stop_is_open_on_a_sunday_evening_and_shut_late_at_night()
    {
        using var world = await PointsWorld.StartAsync();
        var kinds = new[] { ServiceStationKind.RestStop };
        var evening = await world.WithAsync(async s => (await new PlaceContacts(s.Db).StationsAsync(await s.PersonAsync("zhangli"), kinds, SundayEvening, null, default)).ToPlainText());
        Assert.Contains("清泉湖社区暖新驿站", evening);
        Assert.Contains("每天 8:00–20:00", evening);
        Assert.Contains("现在开着，20:00关门。", evening);

        var night = await world.WithAsync(async s => (await new PlaceContacts(s.Db).StationsAsync(await s.PersonAsync("zhangli"), kinds, SundayEvening.AddHours(2), null, default)).ToPlainText());
        Assert.Contains("现在没开门。", night);
    }

    [Fact]
    public async Task A_day_asked_gets_that_days_answer_for_each_station_not_open_now()
    {
        using var world = await PointsWorld.StartAsync();
        var kinds = new[] { ServiceStationKind.PartyServiceCenter, ServiceStationKind.PartyServiceStation };
        var sunday = Said("2025-03-09");
        var text = await world.WithAsync(async s => (await new PlaceContacts(s.Db).StationsAsync(await s.PersonAsync("zhangli"), kinds, MondayMorning, sunday, default)).ToPlainText());
        Assert.Contains("清华苑一期小区党群服务站：本周日开门，9:00–17:00。", text);
        Assert.Contains("清泉湖社区党群服务中心：本周日不开门。", text);
        Assert.Contains("开放时间：周一至周五 8:30–17:30", text);
        Assert.DoesNotContain("现在", text);
    }

    [Fact]
    public async Task The_community_office_gives_its_address_phone_and_the_centres_hours_not_the_grid_worker()
    {
        using var world = await PointsWorld.StartAsync();
        var text = await world.WithAsync(async s => (await new PlaceContacts(s.Db).CommunityAsync(await s.PersonAsync("houjunjie"), null, MondayMorning, default)).ToPlainText());
        Assert.Equal("府前社区\n地址：襄垣县古韩镇府前社区居委会一楼\n电话：0355-7820201\n办公时间：周一至周五 8:30–17:30", text);

        var saturday = await world.WithAsync(async s => (await new PlaceContacts(s.Db).CommunityAsync(await s.PersonAsync("houjunjie"), Said("2025-03-08"), MondayMorning, default)).ToPlainText());
        Assert.EndsWith("本周六不开门。", saturday);
    }

    /// <summary>A centre open Monday to Friday, 8:30–17:30.</summary>
    private static readonly ServiceStation Centre = new()
    {
        Kind = ServiceStationKind.PartyServiceCenter, Name = "清泉湖社区党群服务中心", Address = "居委会一楼",
        OpensAt = new TimeOnly(8, 30), ClosesAt = new TimeOnly(17, 30), OpenDays = "12345",
    };

    /// <summary>A compound's station, open every day 9:00–17:00.</summary>
    private static readonly ServiceStation Station = new()
    {
        Kind = ServiceStationKind.PartyServiceStation, Name = "清华苑一期小区党群服务站", Address = "物业楼一层",
        OpensAt = new TimeOnly(9, 0), ClosesAt = new TimeOnly(17, 0), OpenDays = "1234567",
    };

    private static SaidDate Said(string value) => SaidDate.TryParse(value, out var said) ? said : throw new ArgumentException(value);

    [Theory]
    [InlineData("2025-03-04", "明天开门，8:30–17:30。")]
    [InlineData("2025-03-08", "本周六不开门。")]
    [InlineData("2025-03-09", "本周日不开门。")]
    [InlineData("2025-03-04T10:00:00+08:00", "明天10:00开着，17:30关门。")]
    [InlineData("2025-03-04T20:00:00+08:00", "明天20:00不开门，那天8:30–17:30开。")]
    [InlineData("2025-03-08/2025-03-09", "这周末不开门。")]
    [InlineData("2025-03-10/2025-03-16", "下周周一至周五开门，8:30–17:30。")]
    public void The_centre_on_a_day_asked_on_monday_morning(string asked, string line) =>
        Assert.Equal(line, StationHours.DayLine(Centre, Said(asked), MondayMorning));

    [Theory]
    [InlineData(10, 0, "今天开着，17:30关门。")]
    [InlineData(7, 0, "今天8:30开门，17:30关门。")]
    [InlineData(18, 0, "今天已经关门了（8:30–17:30）。")]
    public void Today_also_says_whether_it_is_open_now(int hour, int minute, string line)
    {
        var now = new DateTimeOffset(2025, 3, 3, hour, minute, 0, China);
        Assert.Equal(line, StationHours.DayLine(Centre, Said("2025-03-03"), now));
    }

    [Fact]
    public void Asked_on_a_sunday_the_weekend_is_today_and_yesterday()
    {
        Assert.Equal("这周末不开门。", StationHours.DayLine(Centre, Said("2025-03-08/2025-03-09"), SundayEvening));
        Assert.Equal("这周末都开门，9:00–17:00。", StationHours.DayLine(Station, Said("2025-03-08/2025-03-09"), SundayEvening));
        Assert.Equal("明天开门，8:30–17:30。", StationHours.DayLine(Centre, Said("2025-03-10"), SundayEvening));
    }

    [Theory]
    [InlineData("物业电话", ContactTopic.PropertyManager)]
    [InlineData("党群中心礼拜天有人没", ContactTopic.PartyService)]
    [InlineData("党群中心周六开门不", ContactTopic.PartyService)]
    [InlineData("党群中心明儿几点开", ContactTopic.PartyService)]
    [InlineData("社区党群服务中心在哪", ContactTopic.PartyService)]
    [InlineData("几点开门", ContactTopic.PartyService)]
    [InlineData("社区电话多少", ContactTopic.Community)]
    [InlineData("居委会电话", ContactTopic.Community)]
    [InlineData("社区在哪儿办公", ContactTopic.Community)]
    [InlineData("网格员电话", ContactTopic.GridWorker)]
    [InlineData("党群服务中心在哪", ContactTopic.PartyService)]
    [InlineData("暖新驿站几点开门", ContactTopic.RestStop)]
    [InlineData("我们的网格员是谁", ContactTopic.GridWorker)]
    [InlineData("网格员在哪", ContactTopic.GridWorker)]
    public void Words_pick_the_topic(string text, ContactTopic topic) => Assert.Equal(topic, ContactTopics.Of(text));
}
