using System.Text;
using GovBot.Data.Messaging;
using GovBot.Host.WeCom.Outbox;
using GovBot.Skills.Conversation;

namespace GovBot.Host.Tests.WeCom.Outbox;

public sealed class LongTextPushTests
{
    [Fact]
    public async Task A_text_over_wecoms_limit_goes_out_whole_as_several_messages_in_order()
    {
        await using var h = await OutboundHarness.StartAsync();
        var lines = Enumerable.Range(1, 120).Select(i => $"第{i}条：楼道堆放杂物已清理，请各位邻居继续保持。").ToList();
        var id = await h.EnqueueAsync(new TextPart(string.Join('\n', lines)), ["u1"]);

        Assert.Equal(1, await h.Sender.RunOnceAsync());

        var texts = h.StandIn.Calls.Select(c => c.Body.GetProperty("text").GetProperty("content").GetString()!).ToList();
        Assert.True(texts.Count > 1);
        Assert.All(texts, t => Assert.InRange(Encoding.UTF8.GetByteCount(t), 1, 2048));
        // Split only at line ends: read one after another, the messages are the text, nothing cut.
        Assert.Equal(lines, texts.SelectMany(t => t.Split('\n')));
        Assert.Equal(OutboxStatus.Sent, (await h.RowAsync(id)).Status);
    }

    [Theory]
    [InlineData(5000)]
    [InlineData(700)]
    public void A_long_text_without_breaks_is_split_at_sentence_ends_or_anywhere_but_never_loses_a_character(int sentences)
    {
        var text = string.Concat(Enumerable.Repeat("路灯坏了晚上很黑", sentences / 8)) + "。" + new string('啊', sentences);

        var pieces = WeComTextSplitter.Split(text, 2048);

        Assert.All(pieces, p => Assert.InRange(Encoding.UTF8.GetByteCount(p), 1, 2048));
        Assert.Equal(text, string.Concat(pieces));
    }

    [Fact]
    public void A_text_within_the_limit_is_one_message()
    {
        Assert.Equal(["短消息"], WeComTextSplitter.Split("短消息", 2048));
    }
}
