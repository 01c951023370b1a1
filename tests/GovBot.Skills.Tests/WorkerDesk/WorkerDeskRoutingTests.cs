using GovBot.Skills.Nlu;
using GovBot.Skills.Tests.Nlu;

namespace GovBot.Skills.Tests.WorkerDesk;

/// <summary>The words grid workers and staff use for their own lists and ticket moves reach 我的事项 (my_requests).</summary>
public sealed class WorkerDeskRoutingTests
{
    [Theory]
    [InlineData("我的待办")]
    [InlineData("待办")]
    [InlineData("我手上还有啥")]
    [InlineData("还有几件没办")]
    [InlineData("今日巡查")]
    [InlineData("今天巡查啥")]
    [InlineData("巡查清单")]
    [InlineData("待审核")]
    [InlineData("有几个报到要审")]
    [InlineData("心愿审核")]
    [InlineData("受理 S1001")]
    [InlineData("办结 S1001")]
    [InlineData("查进度 S1001")]
    public void Reaches_my_requests(string text) => Assert.Equal(Intents.MyRequests, NluTestSupport.Router.Parse(text).Intent.Name);

    [Theory]
    [InlineData("我要报到", Intents.CheckIn)]
    [InlineData("我有个微心愿", Intents.MicroWish)]
    [InlineData("认领心愿", Intents.MicroWish)]
    [InlineData("网格员从来不来巡查，楼道堆满了杂物", Intents.ReportProblem)]
    public void Neighbouring_words_keep_their_intent(string text, string intent) => Assert.Equal(intent, NluTestSupport.Router.Parse(text).Intent.Name);
}
