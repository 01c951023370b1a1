using GovBot.Skills.Handoff;

namespace GovBot.Skills.Tests.Handoff;

public sealed class HandoffRequestTests
{
    [Theory]
    [InlineData("转人工")]
    [InlineData("人工客服")]
    [InlineData("我要跟工作人员说")]
    [InlineData("能不能转人工啊？")]
    [InlineData("不想跟机器人说了，找个真人")]
    [InlineData("真人在吗")]
    [InlineData("有没有人工")]
    [InlineData("我要投诉，转人工")]
    [InlineData("我有个问题要问真人")]
    public void Only_asking_for_someone_is_not_a_question(string text) => Assert.False(HandoffRequest.CarriesQuestion(text));

    [Theory]
    [InlineData("找个真人问问我家暖气的事")]
    [InlineData("转人工，我家水管漏了")]
    [InlineData("转人工 停电了")]
    [InlineData("帮我转一下人工 问问低保咋办")]
    [InlineData("我要跟工作人员说楼下天天有人烧烤")]
    public void A_request_that_names_its_matter_carries_the_question(string text) => Assert.True(HandoffRequest.CarriesQuestion(text));

    [Theory]
    [InlineData("人呢？", true)]
    [InlineData("转人工！！", true)]
    [InlineData("停电了", false)]
    [InlineData("好", false)]
    public void A_bare_request_for_a_person_is_recognised(string text, bool only) => Assert.Equal(only, HandoffRequest.OnlyAsksForPerson(text));
}
