using GovBot.Skills.Conversation.Forms;

namespace GovBot.Skills.Tests.Conversation;

/// <summary>Answers to a numbered list the way residents give them: numbers, positions, times and words.</summary>
public sealed class ChoiceMatcherTests
{
    private static readonly string[] Slots =
    [
        "本周六上午9:00–10:00",
        "本周六上午10:00–11:00",
        "本周日下午15:00–16:00",
    ];

    private static readonly string[] Items =
    [
        "理发（本周六上午，清泉湖社区党群服务中心）",
        "教老人用手机挂号（本周六上午，清泉湖社区党群服务中心）",
        "车辆检修（本周六上午，清泉湖社区党群服务中心）",
    ];

    [Theory]
    [InlineData("2", 1)]
    [InlineData("２", 1)]
    [InlineData("二", 1)]
    [InlineData("第二个", 1)]
    [InlineData("就第二个吧", 1)]
    [InlineData("最后那个", 2)]
    [InlineData("最后一个", 2)]
    [InlineData("倒数第二个", 1)]
    [InlineData("头一个", 0)]
    [InlineData("第一个", 0)]
    public void Numbers_and_positions(string answer, int expected) => Assert.Equal(expected, ChoiceMatcher.Match(answer, Slots));

    [Theory]
    [InlineData("九点的吧", 0)]
    [InlineData("上午十点那个", 1)]
    [InlineData("10:00的", 1)]
    [InlineData("下午的有没有", 2)]
    [InlineData("后晌那个", 2)]
    [InlineData("三点的", 2)]
    [InlineData("礼拜天那个", 2)]
    [InlineData("周日", 2)]
    public void Times_pick_the_slot_that_starts_then(string answer, int expected) => Assert.Equal(expected, ChoiceMatcher.Match(answer, Slots));

    [Fact]
    public void A_time_two_options_share_is_asked_about_rather_than_guessed()
    {
        var reading = ChoiceMatcher.Read("上午的", Slots);
        Assert.True(reading.IsAmbiguous);
        Assert.Equal([0, 1], reading.Candidates);
        var question = ChoiceMatcher.WhichOf(reading, Slots);
        Assert.Contains("1. 本周六上午9:00–10:00", question);
        Assert.Contains("2. 本周六上午10:00–11:00", question);
        Assert.DoesNotContain("15:00", question);
    }

    [Fact]
    public void A_time_no_option_has_is_not_an_answer() =>
        Assert.Null(ChoiceMatcher.Read("晚上的", Slots).Index);

    [Theory]
    [InlineData("教用手机挂号那个", 1)]
    [InlineData("用手机挂号", 1)]
    [InlineData("车辆检修吧", 2)]
    [InlineData("理发", 0)]
    [InlineData("我要理发的那个", 0)]
    public void Words_of_the_option(string answer, int expected) => Assert.Equal(expected, ChoiceMatcher.Match(answer, Items));

    [Theory]
    [InlineData("志愿队")]
    [InlineData("随便")]
    [InlineData("楼道灯坏了好几天了没人管")]
    public void Words_that_name_no_option_pick_none(string answer) => Assert.Null(ChoiceMatcher.Match(answer, Items));

    [Fact]
    public void Two_options_named_at_once_are_not_one_pick()
    {
        string[] compounds = ["外贸小区（永安社区）", "古韩明珠小区（府前社区）", "清华苑一期（清泉湖社区）"];
        var reading = ChoiceMatcher.Read("外贸小区 古韩明珠", compounds);
        Assert.Null(reading.Index);
        Assert.Equal([0, 1], reading.Candidates);
        Assert.Equal([0, 1], MultiChoice.Match("外贸小区 古韩明珠", compounds));
    }

    [Theory]
    [InlineData("清华苑", 0)]
    [InlineData("清华院一期", 0)]
    [InlineData("世纪家园", 2)]
    public void Names_typos_and_short_forms(string answer, int expected) =>
        Assert.Equal(expected, ChoiceMatcher.Match(answer, ["清华苑一期", "世纪花园", "世纪家园"]));
}
