using GovBot.Data.Messaging;
using GovBot.Skills.Conversation;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Host.Tests.WeCom.Outbox;

public sealed class OutboxEnqueueTests
{
    [Fact]
    public async Task A_second_push_with_the_same_source_key_is_ignored()
    {
        await using var h = await OutboundHarness.StartAsync();
        var push = new OutboxPush(new TextPart("明天上午9点核酸检测"), ["u1"]) { SourceKey = "reminder:42:2025-03-02" };

        var (first, sameContext) = await h.WithDbAsync(async db =>
        {
            var a = await db.EnqueuePushAsync(push, h.Time.GetUtcNow());
            var b = await db.EnqueuePushAsync(push, h.Time.GetUtcNow()); // not yet saved: found in the context
            await db.SaveChangesAsync();
            return (a, b);
        });
        var laterTurn = await h.WithDbAsync(async db =>
        {
            var c = await db.EnqueuePushAsync(push, h.Time.GetUtcNow()); // saved: found in the table
            await db.SaveChangesAsync();
            return c;
        });

        Assert.NotNull(first);
        Assert.Null(sameContext);
        Assert.Null(laterTurn);
        Assert.Equal(1, await h.WithDbAsync(db => db.Outbox.CountAsync(o => o.SourceKey == push.SourceKey)));
    }

    [Fact]
    public async Task The_row_holds_the_part_recipients_and_timing()
    {
        await using var h = await OutboundHarness.StartAsync();
        var notBefore = h.Time.GetUtcNow().AddMinutes(30);
        var id = await h.EnqueueAsync(new ChoicesPart("选哪个？", ["甲", "乙"]), [" u1 ", "u2", "u1"],
            p => p with { NotBefore = notBefore, CorrelationId = "turn-9" });

        var row = await h.RowAsync(id);

        Assert.Equal("u1|u2", row.ToUsers);
        Assert.Equal(OutboxStatus.Pending, row.Status);
        Assert.Equal(notBefore, row.NotBefore);
        Assert.Equal(h.Time.GetUtcNow(), row.CreatedAt);
        Assert.Equal("turn-9", row.CorrelationId);
        Assert.Contains("选哪个？", row.PayloadJson); // readable for staff, not \u-escaped
        Assert.Equal(new ChoicesPart("选哪个？", ["甲", "乙"]).Prompt, ((ChoicesPart)OutboxExtensions.DeserializePayload(row.PayloadJson)).Prompt);
    }

    [Fact]
    public async Task A_push_without_recipients_is_a_programming_error()
    {
        await using var h = await OutboundHarness.StartAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => h.EnqueueAsync(new TextPart("x"), []));
        await Assert.ThrowsAsync<ArgumentException>(() => h.EnqueueAsync(new TextPart("x"), ["a|b"]));
    }
}
