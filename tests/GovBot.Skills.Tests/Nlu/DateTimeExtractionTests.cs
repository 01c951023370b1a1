using GovBot.Skills.Nlu;
using GovBot.Skills.Nlu.Extraction;
using GovBot.TestSupport;

namespace GovBot.Skills.Tests.Nlu;

/// <summary>"Now" is Monday 23 Nov 2026, 10:00 China time unless a test says otherwise.</summary>
public sealed class DateTimeExtractionTests
{
    private static EntityMatch? Find(RuleIntentRouter router, string text) =>
        router.Parse(text).Entities.FirstOrDefault(e => e.Entity == Entities.DateTime);

    private static void AssertDate(string text, string value, string span, RuleIntentRouter? router = null)
    {
        var e = Find(router ?? NluTestSupport.Router, text);
        Assert.True(e is not null, $"no datetime in '{text}'");
        Assert.Equal(value, e.Value);
        Assert.Equal(span, text[e.Start..e.End]);
    }

    [Theory]
    [InlineData("今天", "2026-11-23")]
    [InlineData("明天", "2026-11-24")]
    [InlineData("后天", "2026-11-25")]
    [InlineData("大后天", "2026-11-26")]
    [InlineData("昨天", "2026-11-22")]
    [InlineData("前天", "2026-11-21")]
    public void Relative_days_are_date_only(string text, string value) => AssertDate(text, value, text);

    [Theory]
    [InlineData("周六", "2026-11-28")]
    [InlineData("星期六", "2026-11-28")]
    [InlineData("礼拜六", "2026-11-28")]
    [InlineData("这周六", "2026-11-28")]
    [InlineData("本周六", "2026-11-28")]
    [InlineData("周日", "2026-11-29")]
    [InlineData("星期天", "2026-11-29")]
    [InlineData("周一", "2026-11-23")]     // today is Monday
    [InlineData("下周一", "2026-11-30")]
    [InlineData("下周六", "2026-12-05")]
    [InlineData("下个星期三", "2026-12-02")]
    [InlineData("下下周二", "2026-12-08")]
    [InlineData("上周三", "2026-11-18")]
    [InlineData("礼拜一", "2026-11-23")]
    [InlineData("礼拜天", "2026-11-29")]
    [InlineData("礼拜日", "2026-11-29")]
    [InlineData("下礼拜三", "2026-12-02")]
    public void Weekdays(string text, string value) => AssertDate(text, value, text);

    [Theory]
    [InlineData("这周", "2026-11-23/2026-11-29")]
    [InlineData("本周", "2026-11-23/2026-11-29")]
    [InlineData("下周", "2026-11-30/2026-12-06")]
    [InlineData("下礼拜", "2026-11-30/2026-12-06")]
    [InlineData("下个星期", "2026-11-30/2026-12-06")]
    [InlineData("下下周", "2026-12-07/2026-12-13")]
    [InlineData("下下礼拜", "2026-12-07/2026-12-13")]
    [InlineData("上周", "2026-11-16/2026-11-22")]
    [InlineData("周末", "2026-11-28/2026-11-29")]
    [InlineData("这周末", "2026-11-28/2026-11-29")]
    [InlineData("本周末", "2026-11-28/2026-11-29")]
    [InlineData("下周末", "2026-12-05/2026-12-06")]
    [InlineData("月底", "2026-11-24/2026-11-30")]
    [InlineData("这个月底", "2026-11-24/2026-11-30")]
    [InlineData("下个月底", "2026-12-25/2026-12-31")]
    public void Weeks_weekends_and_month_ends_are_ranges(string text, string value) => AssertDate(text, value, text);

    [Fact]
    public void Asked_on_a_sunday_this_weekend_is_the_one_under_way_and_next_week_starts_tomorrow()
    {
        var sunday = NluTestSupport.RouterAt(new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.FromHours(8)));
        AssertDate("这周末", "2026-11-28/2026-11-29", "这周末", sunday);
        AssertDate("周末", "2026-11-28/2026-11-29", "周末", sunday);
        AssertDate("这周", "2026-11-23/2026-11-29", "这周", sunday);
        AssertDate("下周", "2026-11-30/2026-12-06", "下周", sunday);
        AssertDate("下周末", "2026-12-05/2026-12-06", "下周末", sunday);
        AssertDate("礼拜天", "2026-11-29", "礼拜天", sunday);   // today
        AssertDate("礼拜六", "2026-12-05", "礼拜六", sunday);   // yesterday's is gone: the next one
    }

    [Fact]
    public void Asked_on_a_saturday_the_weekend_starts_today()
    {
        var saturday = NluTestSupport.RouterAt(new DateTimeOffset(2026, 11, 28, 20, 0, 0, TimeSpan.FromHours(8)));
        AssertDate("周末", "2026-11-28/2026-11-29", "周末", saturday);
        AssertDate("周六", "2026-11-28", "周六", saturday);
        AssertDate("大后天", "2026-12-01", "大后天", saturday);
    }

    [Fact]
    public void Month_end_follows_the_months_length_and_the_year()
    {
        var february = NluTestSupport.RouterAt(new DateTimeOffset(2027, 2, 10, 10, 0, 0, TimeSpan.FromHours(8)));
        AssertDate("月底", "2027-02-22/2027-02-28", "月底", february);
        var december = NluTestSupport.RouterAt(new DateTimeOffset(2026, 12, 31, 10, 0, 0, TimeSpan.FromHours(8)));
        AssertDate("月底", "2026-12-25/2026-12-31", "月底", december);
        AssertDate("下个月底", "2027-01-25/2027-01-31", "下个月底", december);
    }

    [Theory]
    [InlineData("周末上午", "2026-11-28T09:00:00+08:00")]     // a range with a time: its first day
    [InlineData("下周下午三点", "2026-11-30T15:00:00+08:00")]
    public void A_range_said_with_a_time_is_its_first_day_at_that_time(string text, string value) => AssertDate(text, value, text);

    [Theory]
    [InlineData("今儿", "2026-11-23")]
    [InlineData("今儿个", "2026-11-23")]
    [InlineData("明儿", "2026-11-24")]
    [InlineData("明儿个", "2026-11-24")]
    [InlineData("后儿", "2026-11-25")]
    [InlineData("后儿个", "2026-11-25")]
    [InlineData("夜来", "2026-11-22")]
    [InlineData("夜儿个", "2026-11-22")]
    [InlineData("明儿前晌", "2026-11-24T09:00:00+08:00")]
    [InlineData("明儿晌午", "2026-11-24T12:00:00+08:00")]
    [InlineData("明儿后晌", "2026-11-24T14:00:00+08:00")]
    [InlineData("明儿后晌三点", "2026-11-24T15:00:00+08:00")]
    [InlineData("今儿黑夜", "2026-11-23T19:00:00+08:00")]
    [InlineData("明儿黑了", "2026-11-24T19:00:00+08:00")]
    [InlineData("夜来黑夜十点", "2026-11-22T22:00:00+08:00")]
    [InlineData("礼拜六前晌十点", "2026-11-28T10:00:00+08:00")]
    public void Shanxi_words_for_days_and_parts_of_the_day(string text, string value) => AssertDate(text, value, text);

    [Fact]
    public void Bare_weekday_already_past_this_week_is_next_week()
    {
        var thursday = NluTestSupport.RouterAt(new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.FromHours(8)));
        AssertDate("周二", "2026-12-01", "周二", thursday);
        AssertDate("这周二", "2026-11-24", "这周二", thursday);
    }

    [Theory]
    [InlineData("11月28号", "2026-11-28")]
    [InlineData("11月28日", "2026-11-28")]
    [InlineData("十一月二十八号", "2026-11-28")]
    [InlineData("28号", "2026-11-28")]
    [InlineData("5号", "2026-12-05")]     // 5 Dec is nearer than 5 Nov
    [InlineData("20号", "2026-11-20")]    // 20 Nov is nearer than 20 Dec
    [InlineData("下个月3号", "2026-12-03")]
    [InlineData("1月5号", "2027-01-05")]  // said in November: next January
    [InlineData("2027年2月1日", "2027-02-01")]
    public void Calendar_dates(string text, string value) => AssertDate(text, value, text);

    [Theory]
    [InlineData("明天下午三点", "2026-11-24T15:00:00+08:00")]
    [InlineData("明天下午3点", "2026-11-24T15:00:00+08:00")]
    [InlineData("明天3点半", "2026-11-24T15:30:00+08:00")]   // bare 1–6 o'clock is afternoon
    [InlineData("后天上午十点一刻", "2026-11-25T10:15:00+08:00")]
    [InlineData("周六上午", "2026-11-28T09:00:00+08:00")]     // part of day alone: its default hour
    [InlineData("周六下午", "2026-11-28T14:00:00+08:00")]
    [InlineData("明天早上", "2026-11-24T08:00:00+08:00")]
    [InlineData("明天中午", "2026-11-24T12:00:00+08:00")]
    [InlineData("今晚", "2026-11-23T19:00:00+08:00")]
    [InlineData("今晚8点", "2026-11-23T20:00:00+08:00")]
    [InlineData("明早七点", "2026-11-24T07:00:00+08:00")]
    [InlineData("晚上十点", "2026-11-23T22:00:00+08:00")]     // no date: today
    [InlineData("下午3点", "2026-11-23T15:00:00+08:00")]
    [InlineData("15:30", "2026-11-23T15:30:00+08:00")]
    [InlineData("明天15:30", "2026-11-24T15:30:00+08:00")]
    [InlineData("11月28号上午10点", "2026-11-28T10:00:00+08:00")]
    [InlineData("28号下午两点", "2026-11-28T14:00:00+08:00")]
    [InlineData("中午1点", "2026-11-23T13:00:00+08:00")]
    [InlineData("九点四十", "2026-11-23T09:40:00+08:00")]
    [InlineData("9点40分", "2026-11-23T09:40:00+08:00")]
    [InlineData("三点三刻", "2026-11-23T15:45:00+08:00")]
    [InlineData("十点整", "2026-11-23T10:00:00+08:00")]
    [InlineData("晚上12点", "2026-11-24T00:00:00+08:00")]    // midnight starts the next day
    public void Dates_with_times(string text, string value) => AssertDate(text, value, text);

    [Theory]
    [InlineData("预约 下周一 上午", "2026-11-30T09:00:00+08:00", "下周一 上午")]
    [InlineData("11月28号的义诊几点开始", "2026-11-28", "11月28号")]
    [InlineData("我想明天下午三点去理发", "2026-11-24T15:00:00+08:00", "明天下午三点")]
    [InlineData("约一下周日的理发", "2026-11-29", "周日")]   // 一下 is "a bit", not 下周
    [InlineData("下周有什么活动", "2026-11-30/2026-12-06", "下周")]
    [InlineData("这周末有啥活动没", "2026-11-28/2026-11-29", "这周末")]
    [InlineData("党群中心礼拜天有人没", "2026-11-29", "礼拜天")]
    [InlineData("月底有没有义诊", "2026-11-24/2026-11-30", "月底")]
    public void Spans_inside_sentences(string text, string value, string span) => AssertDate(text, value, span);

    [Theory]
    [InlineData("楼上天天半夜吵")]     // a part of day alone describes a habit
    [InlineData("晚上吵得睡不着")]
    [InlineData("楼道有一点脏")]       // 一点 = a little
    [InlineData("一点点小事")]
    [InlineData("3号楼有人乱停车")]
    [InlineData("一个多礼拜了")]
    [InlineData("一周两次")]
    [InlineData("小区周边")]
    [InlineData("后晌老是吵")]         // Shanxi part of day alone: a habit
    [InlineData("天黑了路灯不亮")]
    [InlineData("等一时半会儿")]
    [InlineData("2月30号")]            // no such day
    public void Not_datetimes(string text) => Assert.Null(Find(NluTestSupport.Router, text));

    [Fact]
    public void China_date_is_used_when_the_server_UTC_date_differs()
    {
        // 17:30 UTC on Sunday 22 Nov is already 01:30 on Monday 23 Nov in China.
        var router = NluTestSupport.RouterAt(new DateTimeOffset(2026, 11, 22, 17, 30, 0, TimeSpan.Zero));
        AssertDate("今天", "2026-11-23", "今天", router);
        AssertDate("明天上午", "2026-11-24T09:00:00+08:00", "明天上午", router);
        AssertDate("周日", "2026-11-29", "周日", router);
    }

    [Fact]
    public void China_now_ignores_the_server_zone()
    {
        var extractor = new DateTimeExtractor(new FixedTimeProvider(new DateTimeOffset(2026, 11, 22, 17, 30, 0, TimeSpan.Zero)));
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 1, 30, 0, TimeSpan.FromHours(8)), extractor.ChinaNow());
        Assert.Equal(TimeSpan.FromHours(8), extractor.ChinaNow().Offset);
    }

    [Fact]
    public void Month_end_rolls_over()
    {
        var lastDay = NluTestSupport.RouterAt(new DateTimeOffset(2026, 12, 31, 20, 0, 0, TimeSpan.FromHours(8)));
        AssertDate("明天上午十点", "2027-01-01T10:00:00+08:00", "明天上午十点", lastDay);
        AssertDate("3号", "2027-01-03", "3号", lastDay);
    }
}
