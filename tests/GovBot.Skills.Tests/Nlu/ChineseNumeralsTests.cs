using GovBot.Skills.Nlu;

namespace GovBot.Skills.Tests.Nlu;

public sealed class ChineseNumeralsTests
{
    [Theory]
    [InlineData("0", 0)]
    [InlineData("3", 3)]
    [InlineData("301", 301)]
    [InlineData("一", 1)]
    [InlineData("两", 2)]
    [InlineData("十", 10)]
    [InlineData("十二", 12)]
    [InlineData("二十", 20)]
    [InlineData("二十三", 23)]
    [InlineData("一百", 100)]
    [InlineData("百", 100)]
    [InlineData("两百", 200)]
    [InlineData("一百零五", 105)]
    [InlineData("一百一十", 110)]
    [InlineData("一百五", 150)]   // spoken shorthand for 一百五十
    [InlineData("三千二", 3200)]
    [InlineData("一千零一", 1001)]
    [InlineData("一万二千", 12000)]
    [InlineData("三零一", 301)]   // read digit by digit, as room numbers are
    [InlineData("幺三八", 138)]
    [InlineData("〇", 0)]
    [InlineData("2十", 20)]
    public void Parses(string text, int expected)
    {
        Assert.True(ChineseNumerals.TryParse(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("三号")]
    [InlineData("abc")]
    [InlineData("二三十")]
    [InlineData("99999999999")]
    public void Rejects(string text) => Assert.False(ChineseNumerals.TryParse(text, out _));
}
