using GovBot.Skills.Ai;

namespace GovBot.Skills.Tests.Ai;

public sealed class PersonalDataMaskTests
{
    [Theory]
    [InlineData("我电话13812345678", "我电话[电话]")]
    [InlineData("打138 1234 5678找我", "打[电话]找我")]
    [InlineData("+86-138-1234-5678", "[电话]")]
    [InlineData("座机0351-5721234", "座机[电话]")]
    [InlineData("身份证14012119800101123X", "身份证[证件号]")]
    public void Phone_and_id_numbers_never_leave(string text, string sent) => Assert.Equal(sent, PersonalDataMask.Apply(text));

    [Theory]
    [InlineData("3号楼2单元301")]
    [InlineData("单号A1234办得怎么样了")]
    [InlineData("2026年11月28日上午9点")]
    public void Addresses_dates_and_tickets_stay(string text) => Assert.Equal(text, PersonalDataMask.Apply(text));
}
