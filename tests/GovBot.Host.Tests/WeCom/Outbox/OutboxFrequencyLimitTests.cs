using GovBot.Data.Messaging;
using GovBot.Skills.Conversation;

namespace GovBot.Host.Tests.WeCom.Outbox;

/// <summary>WeCom's documented send limits, kept by the real outbox against the API stand-in.</summary>
public sealed class OutboxFrequencyLimitTests
{
    [Fact]
    public async Task A_reminder_to_ten_thousand_members_goes_out_in_ten_calls_of_a_thousand()
    {
        await using var h = await OutboundHarness.StartAsync();
        var id = await h.EnqueueAsync(new TextPart("【联席会议】本季度联席会议该召开了。"), OutboundHarness.Users(10_000));

        await h.Sender.RunOnceAsync();

        Assert.Equal(Enumerable.Repeat(1000, 10), h.StandIn.Calls.Select(c => c.Recipients.Count));
        Assert.Equal(10_000, h.StandIn.Calls.SelectMany(c => c.Recipients).Distinct().Count());
        Assert.Equal(OutboxStatus.Sent, (await h.RowAsync(id)).Status);
    }

    [Fact]
    public async Task The_thirty_first_message_to_one_member_in_a_minute_waits_instead_of_being_dropped()
    {
        await using var h = await OutboundHarness.StartAsync();
        var ids = new List<long>();
        for (var i = 1; i <= 31; i++) ids.Add(await h.EnqueueAsync(new TextPart($"第{i}条"), ["u1"]));

        await h.Sender.RunOnceAsync();
        Assert.Equal(30, h.StandIn.Calls.Count);
        var held = await h.RowAsync(ids[^1]);
        Assert.Equal(OutboxStatus.Pending, held.Status);
        Assert.Equal(0, held.Attempts); // waiting for the limit is not a failure
        Assert.Equal(h.Time.GetUtcNow() + TimeSpan.FromMinutes(1), held.NextAttemptAt);

        h.Time.Advance(TimeSpan.FromSeconds(59));
        await h.Sender.RunOnceAsync();
        Assert.Equal(30, h.StandIn.Calls.Count);

        h.Time.Advance(TimeSpan.FromSeconds(1));
        await h.Sender.RunOnceAsync();
        Assert.Equal(31, h.StandIn.Calls.Count);
        Assert.Equal(OutboxStatus.Sent, (await h.RowAsync(ids[^1])).Status);
    }

    [Fact]
    public async Task Other_members_are_not_held_up_by_one_at_the_limit()
    {
        await using var h = await OutboundHarness.StartAsync(settings: new Dictionary<string, string?> { ["WeCom:Outbox:MemberMessagesPerMinute"] = "1" });
        await h.EnqueueAsync(new TextPart("一"), ["u1"]);
        await h.EnqueueAsync(new TextPart("二"), ["u1"]);
        var other = await h.EnqueueAsync(new TextPart("三"), ["u2"]);

        await h.Sender.RunOnceAsync();

        Assert.Equal(["u1", "u2"], h.StandIn.Calls.Select(c => c.Recipients.Single()));
        Assert.Equal(OutboxStatus.Sent, (await h.RowAsync(other)).Status);
    }

    [Fact]
    public async Task A_flood_to_one_member_at_the_limit_does_not_keep_the_next_pass_from_others()
    {
        await using var h = await OutboundHarness.StartAsync(settings: new Dictionary<string, string?>
        {
            ["WeCom:Outbox:MemberMessagesPerMinute"] = "1",
            ["WeCom:Outbox:RowsPerPass"] = "5",
        });
        var flood = new List<long>();
        for (var i = 1; i <= 12; i++) flood.Add(await h.EnqueueAsync(new TextPart($"居民反映 第{i}件"), ["wangjianjun"]));
        var reply = await h.EnqueueAsync(new TextPart("已收到，编号 S1001"), ["resident"]);

        await h.Sender.RunOnceAsync();
        await h.Sender.RunOnceAsync();

        Assert.Equal(["wangjianjun", "resident"], h.StandIn.CallsTo("message/send").Select(c => c.Recipients.Single()));
        Assert.Equal(OutboxStatus.Sent, (await h.RowAsync(reply)).Status);
        var minuteLater = h.Time.GetUtcNow() + TimeSpan.FromMinutes(1);
        foreach (var id in flood.Skip(1)) Assert.Equal(minuteLater, (await h.RowAsync(id)).NextAttemptAt);
    }
}
