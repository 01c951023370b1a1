using GovBot.Skills.Nlu;

namespace GovBot.Skills.Tests.Nlu;

/// <summary>Reading the datetime entity back: a day, an instant or a range, and the words to say it.</summary>
public sealed class SaidDateTests
{
    /// <summary>Monday 23 Nov 2026.</summary>
    private static readonly DateOnly Monday = new(2026, 11, 23);

    [Theory]
    [InlineData("2026-11-28", "2026-11-28", "2026-11-28", null)]
    [InlineData("2026-11-28T09:30:00+08:00", "2026-11-28", "2026-11-28", "09:30")]
    [InlineData("2026-11-28T01:30:00+00:00", "2026-11-28", "2026-11-28", "09:30")]   // read in China time
    [InlineData("2026-12-07/2026-12-13", "2026-12-07", "2026-12-13", null)]
    public void Values_read_back_as_days_times_or_ranges(string value, string from, string to, string? time)
    {
        Assert.True(SaidDate.TryParse(value, out var said));
        Assert.Equal(DateOnly.Parse(from), said.From);
        Assert.Equal(DateOnly.Parse(to), said.To);
        Assert.Equal(time is null ? null : TimeOnly.Parse(time), said.Time);
        Assert.Equal(from != to, said.IsRange);
    }

    [Theory]
    [InlineData("2026-11-28")]
    [InlineData("2026-11-28T09:30:00+08:00")]
    [InlineData("2026-12-07/2026-12-13")]
    public void Values_round_trip(string value)
    {
        Assert.True(SaidDate.TryParse(value, out var said));
        Assert.Equal(value, said.ToValue());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("周六")]
    [InlineData("2026-13-01")]
    [InlineData("2026-12-13/2026-12-07")]   // ends before it starts
    [InlineData("2026-12-07/")]
    public void Anything_else_is_no_date(string? value) => Assert.False(SaidDate.TryParse(value, out _));

    [Fact]
    public void A_range_includes_both_ends()
    {
        Assert.True(SaidDate.TryParse("2026-12-05/2026-12-06", out var weekend));
        Assert.True(weekend.Includes(new DateOnly(2026, 12, 5)));
        Assert.True(weekend.Includes(new DateOnly(2026, 12, 6)));
        Assert.False(weekend.Includes(new DateOnly(2026, 12, 7)));
        Assert.False(weekend.Includes(new DateOnly(2026, 12, 4)));
    }

    [Fact]
    public void The_router_value_is_found_on_the_result()
    {
        Assert.Equal("2026-11-30/2026-12-06", NluTestSupport.Router.Parse("下周有啥活动").FindDate()?.ToValue());
        Assert.Null(NluTestSupport.Router.Parse("我们的网格员是谁").FindDate());
        Assert.Null(((NluResult?)null).FindDate());
    }

    [Theory]
    [InlineData("2026-11-23", "今天")]
    [InlineData("2026-11-24", "明天")]
    [InlineData("2026-11-25", "后天")]
    [InlineData("2026-11-29", "本周日")]
    [InlineData("2026-12-05", "下周六")]
    [InlineData("2026-12-10", "12月10日")]
    [InlineData("2026-11-23/2026-11-29", "这周")]
    [InlineData("2026-11-30/2026-12-06", "下周")]
    [InlineData("2026-12-07/2026-12-13", "下下周")]
    [InlineData("2026-11-28/2026-11-29", "这周末")]
    [InlineData("2026-12-05/2026-12-06", "下周末")]
    [InlineData("2026-11-24/2026-11-30", "月底")]
    [InlineData("2026-12-25/2026-12-31", "下个月底")]
    [InlineData("2026-12-01/2026-12-03", "12月1日到3日")]
    [InlineData("2026-11-30/2026-12-02", "11月30日到12月2日")]
    public void Days_are_said_the_way_residents_say_them(string value, string words)
    {
        Assert.True(SaidDate.TryParse(value, out var said));
        Assert.Equal(words, said.Describe(Monday));
    }

    [Fact]
    public void On_a_sunday_the_weekend_is_still_this_one_and_next_week_starts_tomorrow()
    {
        var sunday = new DateOnly(2026, 11, 29);
        Assert.True(SaidDate.TryParse("2026-11-28/2026-11-29", out var weekend));
        Assert.Equal("这周末", weekend.Describe(sunday));
        Assert.True(SaidDate.TryParse("2026-11-30/2026-12-06", out var nextWeek));
        Assert.Equal("下周", nextWeek.Describe(sunday));
        Assert.True(SaidDate.TryParse("2026-12-05", out var saturday));
        Assert.Equal("下周六", saturday.Describe(sunday));
    }
}
