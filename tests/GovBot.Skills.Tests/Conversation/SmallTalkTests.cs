using GovBot.Skills.Conversation;

namespace GovBot.Skills.Tests.Conversation;

/// <summary>Messages that ask for nothing still get a short warm answer with a next step, never "I don't understand".</summary>
public sealed class SmallTalkTests
{
    [Theory]
    [InlineData("谢谢", "不客气")]
    [InlineData("谢谢网格员小王", "不客气")]
    [InlineData("辛苦了", "不客气")]
    [InlineData("好的", "有需要随时跟我说")]
    [InlineData("👍", "有需要随时跟我说")]
    [InlineData("点赞", "谢谢您的肯定")]
    [InlineData("再见", "再见")]
    [InlineData("是", "现在没有等您确认的事")]
    [InlineData("确认", "现在没有等您确认的事")]
    [InlineData("不是", "现在没有在办的事")]
    [InlineData("hello there", "请用中文跟我说")]
    [InlineData("😂😂😂", "有什么事直接打字告诉我")]
    public void Answers(string text, string expected)
    {
        var reply = SmallTalk.Answer(text);
        Assert.NotNull(reply);
        var shown = reply.ToPlainText();
        Assert.Contains(expected, shown);
        Assert.DoesNotMatch("[A-Za-z]{3,}", shown);
    }

    [Theory]
    [InlineData("楼道灯坏了好几天了一直没人来修")]
    [InlineData("我们的网格员是谁")]
    [InlineData("今天天气咋样")]
    public void Leaves_requests_to_the_router_and_the_fallback(string text) => Assert.Null(SmallTalk.Answer(text));
}
