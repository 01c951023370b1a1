using GovBot.Skills.Points;

namespace GovBot.Skills.Tests.Points;

/// <summary>The words residents use pick the rank, the details or the balance.</summary>
public sealed class PointsQuestionTests
{
    [Theory]
    [InlineData("积分排名")]
    [InlineData("我在党员里排第几")]
    [InlineData("排老几")]
    [InlineData("俺现在排老几了")]
    [InlineData("我排第几了")]
    [InlineData("前几名都是谁")]
    [InlineData("积分前三名是谁")]
    [InlineData("支部里谁的分最高")]
    [InlineData("我的名次")]
    [InlineData("排名怎么算的")]   // about the rank, though it says 怎么算的
    public void Rank(string text) => Assert.Equal(PointsQuestion.Rank, PointsQuestions.Of(text));

    [Theory]
    [InlineData("积分明细")]
    [InlineData("积分记录")]
    [InlineData("我的分咋来的")]
    [InlineData("积分是怎么来的")]
    [InlineData("一笔一笔的给我看看")]
    [InlineData("都是哪来的分")]
    [InlineData("这些分从哪儿来的")]
    [InlineData("积分怎么算的")]
    [InlineData("为啥给我加分了")]
    public void Details(string text) => Assert.Equal(PointsQuestion.Details, PointsQuestions.Of(text));

    [Theory]
    [InlineData("查积分")]
    [InlineData("我有多少分")]
    [InlineData("红色账户")]
    [InlineData("积分怎么还没到账")]
    [InlineData("这个月我加了几分")]
    [InlineData("基础分和奖励分都是多少")]
    public void Balance(string text) => Assert.Equal(PointsQuestion.Balance, PointsQuestions.Of(text));
}
