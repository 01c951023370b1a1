using GovBot.Skills.Nlu;
using GovBot.Skills.Tests.Nlu;

namespace GovBot.Skills.Tests.Handoff;

/// <summary>The rules send asking for a person to the handoff, and leave neighbouring intents where they were.</summary>
public sealed class HandoffRoutingTests
{
    [Theory]
    [InlineData("转人工")]
    [InlineData("人工客服")]
    [InlineData("找个真人")]
    [InlineData("找个真人问问我家暖气的事")]
    [InlineData("我要跟工作人员说")]
    [InlineData("能不能转人工啊")]
    [InlineData("跟机器人说不明白")]
    public void Asking_for_a_person_routes_to_the_handoff(string text) =>
        Assert.Equal(Intents.Handoff, NluTestSupport.Router.Parse(text).Intent.Name);

    [Theory]
    [InlineData("我们的网格员是谁", Intents.GridContact)]
    [InlineData("社区电话多少", Intents.GridContact)]
    [InlineData("你是机器人吗", Intents.Help)]
    [InlineData("有人吗", Intents.Help)]
    [InlineData("3号楼楼道堆满了杂物", Intents.ReportProblem)]
    public void Nearby_messages_keep_their_intent(string text, string intent) =>
        Assert.Equal(intent, NluTestSupport.Router.Parse(text).Intent.Name);
}
