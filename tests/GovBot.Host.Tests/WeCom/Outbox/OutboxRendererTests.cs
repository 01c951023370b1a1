using System.Text;
using GovBot.Host.WeCom.Api;
using GovBot.Host.WeCom.Outbox;
using GovBot.Skills.Conversation;

namespace GovBot.Host.Tests.WeCom.Outbox;

public sealed class OutboxRendererTests
{
    [Fact]
    public void Cutting_to_the_byte_limit_never_splits_a_character()
    {
        var text = string.Concat(Enumerable.Repeat("😀", 600)); // 4 bytes each

        var cut = OutboxRenderer.FitUtf8(text, WeComTextMessage.MaxContentBytes);

        Assert.True(Encoding.UTF8.GetByteCount(cut) <= WeComTextMessage.MaxContentBytes);
        Assert.Equal(cut, Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(cut))); // no lone surrogate
        Assert.EndsWith("😀…", cut);
        Assert.Equal(text[..10], OutboxRenderer.FitUtf8(text[..10], WeComTextMessage.MaxContentBytes));
    }

    [Fact]
    public void A_task_id_WeCom_would_refuse_is_a_render_error()
    {
        var card = new CardPart("t", "d", [new CardButton("k", "好")], TaskId: "report:17");

        var ex = Assert.Throws<OutboxRenderException>(() => OutboxRenderer.RenderMessage(card, "u1", "outbox-1", 0));

        Assert.Contains("TaskId", ex.Message);
    }

    [Fact]
    public void A_card_without_description_renders_its_title_alone()
    {
        var message = (WeComTextMessage)OutboxRenderer.RenderMessage(new CardPart("只有标题", "", []), "u1", "outbox-1", 0);

        Assert.Equal("只有标题", message.Text.Content);
    }

    [Fact]
    public void Only_batches_after_the_first_get_a_task_id_suffix()
    {
        Assert.Equal("report-17", OutboxRenderer.BatchTaskId("report-17", 0));
        Assert.Equal("report-17-b2", OutboxRenderer.BatchTaskId("report-17", 2));
    }
}
