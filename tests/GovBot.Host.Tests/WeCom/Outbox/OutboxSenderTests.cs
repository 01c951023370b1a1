using Microsoft.Extensions.DependencyInjection;
using GovBot.Data.Messaging;
using GovBot.Emulator;
using GovBot.Host.WeCom.Api;
using GovBot.Skills.Conversation;

namespace GovBot.Host.Tests.WeCom.Outbox;

public sealed class OutboxSenderTests
{
    private static readonly TimeSpan PastFirstRetry = TimeSpan.FromSeconds(3); // 2 s + 20 % jitter at most

    [Fact]
    public async Task A_text_push_is_sent_once_and_its_msgid_recorded()
    {
        await using var h = await OutboundHarness.StartAsync();
        var id = await h.EnqueueAsync(new TextPart("您反映的路灯问题已处理"), ["u1", "u2"]);

        Assert.Equal(1, await h.Sender.RunOnceAsync());
        Assert.Equal(0, await h.Sender.RunOnceAsync());

        var call = Assert.Single(h.StandIn.Calls);
        Assert.Equal("text", call.MsgType);
        Assert.Equal(["u1", "u2"], call.Recipients);
        Assert.Equal("您反映的路灯问题已处理", call.Body.GetProperty("text").GetProperty("content").GetString());
        var row = await h.RowAsync(id);
        Assert.Equal(OutboxStatus.Sent, row.Status);
        Assert.Equal(call.MsgId, row.WeComMsgId);
        Assert.Equal(h.Time.GetUtcNow(), row.SentAt);
        Assert.Null(row.LastError);
        Assert.Null(row.NextAttemptAt);
    }

    [Fact]
    public async Task A_row_sent_again_after_a_sender_died_unrecorded_reaches_nobody_twice()
    {
        await using var h = await OutboundHarness.StartAsync();
        var id = await h.EnqueueAsync(new TextPart("您反映的问题（S1001）网格员王建军已受理"), ["u1"]);
        Assert.Equal(1, await h.Sender.RunOnceAsync());
        var first = Assert.Single(h.StandIn.Calls);
        Assert.Equal(1, first.Body.GetProperty("enable_duplicate_check").GetInt32());

        // The sender was killed after WeCom accepted the message and before the row said so.
        await h.WithDbAsync(async db =>
        {
            var row = await db.Outbox.FindAsync(id);
            (row!.Status, row.WeComMsgId, row.SentAt) = (OutboxStatus.Pending, null, null);
            return await db.SaveChangesAsync();
        });
        Assert.Equal(1, await h.Sender.RunOnceAsync());

        Assert.Single(h.StandIn.Calls);
        var resent = await h.RowAsync(id);
        Assert.Equal(OutboxStatus.Sent, resent.Status);
        Assert.Equal(first.MsgId, resent.WeComMsgId);
    }

    [Fact]
    public async Task Rows_go_out_in_id_order()
    {
        await using var h = await OutboundHarness.StartAsync();
        await h.EnqueueAsync(new TextPart("first"), ["u1"]);
        await h.EnqueueAsync(new TextPart("second"), ["u1"]);

        await h.Sender.RunOnceAsync();

        Assert.Equal(["first", "second"], h.StandIn.Calls.Select(c => c.Body.GetProperty("text").GetProperty("content").GetString()));
    }

    [Fact]
    public async Task Recipients_are_sent_in_batches_of_1000()
    {
        await using var h = await OutboundHarness.StartAsync();
        var id = await h.EnqueueAsync(new TextPart("全体居民：明日停水"), OutboundHarness.Users(2500));

        await h.Sender.RunOnceAsync();

        Assert.Equal([1000, 1000, 500], h.StandIn.Calls.Select(c => c.Recipients.Count));
        Assert.Equal(2500, h.StandIn.Calls.SelectMany(c => c.Recipients).Distinct().Count());
        var row = await h.RowAsync(id);
        Assert.Equal(OutboxStatus.Sent, row.Status);
        Assert.Equal(string.Join('|', h.StandIn.Calls.Select(c => c.MsgId)), row.WeComMsgId);
    }

    [Fact]
    public async Task A_5xx_is_retried_after_backoff_and_delivered_exactly_once()
    {
        await using var h = await OutboundHarness.StartAsync();
        var id = await h.EnqueueAsync(new TextPart("x"), ["u1"]);
        h.StandIn.InjectFault(new StandInFault.Http(500));
        var failedAt = h.Time.GetUtcNow();

        await h.Sender.RunOnceAsync();

        var waiting = await h.RowAsync(id);
        Assert.Equal(OutboxStatus.Pending, waiting.Status);
        Assert.Equal(1, waiting.Attempts);
        Assert.Contains("HTTP 500", waiting.LastError);
        Assert.InRange(waiting.NextAttemptAt!.Value, failedAt + TimeSpan.FromSeconds(1.6), failedAt + TimeSpan.FromSeconds(2.4));
        Assert.Empty(h.StandIn.Calls);

        Assert.Equal(0, await h.Sender.RunOnceAsync()); // not due yet
        h.Time.Advance(PastFirstRetry);
        await h.Sender.RunOnceAsync();
        await h.Sender.RunOnceAsync();

        Assert.Single(h.StandIn.Calls);
        var sent = await h.RowAsync(id);
        Assert.Equal(OutboxStatus.Sent, sent.Status);
        Assert.Equal(1, sent.Attempts);
        Assert.Null(sent.LastError);
    }

    [Fact]
    public async Task A_frequency_limit_backs_off_exponentially_and_the_row_stays_pending()
    {
        await using var h = await OutboundHarness.StartAsync();
        var id = await h.EnqueueAsync(new TextPart("x"), ["u1"]);
        h.StandIn.InjectFault(new StandInFault.Refusal(WeComErrors.ApiFrequencyLimit), count: 2);

        await h.Sender.RunOnceAsync();
        var first = await h.RowAsync(id);
        Assert.Equal(OutboxStatus.Pending, first.Status);
        Assert.Contains("45009", first.LastError);

        h.Time.Advance(PastFirstRetry);
        await h.Sender.RunOnceAsync();
        var second = await h.RowAsync(id);
        Assert.Equal(OutboxStatus.Pending, second.Status);
        Assert.Equal(2, second.Attempts);
        Assert.InRange(second.NextAttemptAt!.Value - h.Time.GetUtcNow(), TimeSpan.FromSeconds(3.2), TimeSpan.FromSeconds(4.8));

        h.Time.Advance(TimeSpan.FromSeconds(5));
        await h.Sender.RunOnceAsync();
        Assert.Equal(OutboxStatus.Sent, (await h.RowAsync(id)).Status);
        Assert.Single(h.StandIn.Calls);
    }

    [Fact]
    public async Task A_transient_failure_ends_the_pass_so_later_rows_wait_without_using_attempts()
    {
        await using var h = await OutboundHarness.StartAsync();
        var first = await h.EnqueueAsync(new TextPart("a"), ["u1"]);
        var second = await h.EnqueueAsync(new TextPart("b"), ["u1"]);
        h.StandIn.InjectFault(new StandInFault.Refusal(WeComErrors.SystemBusy, "system busy"));

        Assert.Equal(1, await h.Sender.RunOnceAsync());

        Assert.Equal(1, (await h.RowAsync(first)).Attempts);
        Assert.Equal(0, (await h.RowAsync(second)).Attempts);
        await h.Sender.RunOnceAsync(); // the second row is still due and goes now
        Assert.Equal(OutboxStatus.Sent, (await h.RowAsync(second)).Status);
    }

    [Fact]
    public async Task A_permanent_refusal_marks_the_row_failed_with_the_reason()
    {
        await using var h = await OutboundHarness.StartAsync(knownUsers: ["u1"]);
        var id = await h.EnqueueAsync(new TextPart("x"), ["ghost"]);

        await h.Sender.RunOnceAsync();
        h.Time.Advance(TimeSpan.FromHours(1));
        await h.Sender.RunOnceAsync();

        var row = await h.RowAsync(id);
        Assert.Equal(OutboxStatus.Failed, row.Status);
        Assert.Contains("81013", row.LastError);
        Assert.Contains("ghost", row.LastError);
        Assert.Empty(h.StandIn.Calls);
    }

    [Fact]
    public async Task A_refusal_of_the_message_itself_fails_the_row_at_once()
    {
        await using var h = await OutboundHarness.StartAsync();
        var id = await h.EnqueueAsync(new TextPart("x"), OutboundHarness.Users(1500));
        h.StandIn.InjectFault(new StandInFault.Refusal(WeComErrors.InvalidMsgType, "invalid message type"));

        await h.Sender.RunOnceAsync();

        var row = await h.RowAsync(id);
        Assert.Equal(OutboxStatus.Failed, row.Status);
        Assert.Contains("40008", row.LastError);
        Assert.Empty(h.StandIn.Calls); // the second batch was not tried
    }

    [Fact]
    public async Task Some_unknown_recipients_are_noted_but_the_push_counts_as_sent()
    {
        await using var h = await OutboundHarness.StartAsync(knownUsers: ["u1", "u2"]);
        var id = await h.EnqueueAsync(new TextPart("x"), ["u1", "ghost", "u2"]);

        await h.Sender.RunOnceAsync();

        var row = await h.RowAsync(id);
        Assert.Equal(OutboxStatus.Sent, row.Status);
        Assert.Contains("invaliduser ghost", row.LastError);
        Assert.Equal(["u1", "u2"], h.StandIn.Calls.Single().Recipients);
    }

    [Fact]
    public async Task A_batch_with_only_unknown_recipients_does_not_stop_the_others()
    {
        var known = OutboundHarness.Users(1000).Concat(OutboundHarness.Users(200, "v")).ToList();
        await using var h = await OutboundHarness.StartAsync(knownUsers: known);
        var users = OutboundHarness.Users(1000).Concat(OutboundHarness.Users(1000, "ghost")).Concat(OutboundHarness.Users(200, "v")).ToList();
        var id = await h.EnqueueAsync(new TextPart("x"), users);

        await h.Sender.RunOnceAsync();

        var row = await h.RowAsync(id);
        Assert.Equal(OutboxStatus.Sent, row.Status);
        Assert.Equal(3, row.WeComMsgId!.Split('|').Length);
        Assert.Equal("-", row.WeComMsgId.Split('|')[1]);
        Assert.Contains("batch 2/3: errcode 81013", row.LastError);
        Assert.Equal([1000, 200], h.StandIn.Calls.Select(c => c.Recipients.Count));
    }

    [Fact]
    public async Task Batches_already_sent_are_not_resent_when_a_later_batch_fails()
    {
        await using var h = await OutboundHarness.StartAsync();
        var id = await h.EnqueueAsync(new TextPart("x"), OutboundHarness.Users(2500));
        h.StandIn.InjectFault(new StandInFault.Http(503), count: 1, afterCalls: 1);

        await h.Sender.RunOnceAsync();
        var partway = await h.RowAsync(id);
        Assert.Equal(OutboxStatus.Pending, partway.Status);
        Assert.Single(partway.WeComMsgId!.Split('|'));
        Assert.Contains("batch 2/3", partway.LastError);
        Assert.Single(h.StandIn.Calls);

        h.Time.Advance(PastFirstRetry);
        await h.Sender.RunOnceAsync();

        var done = await h.RowAsync(id);
        Assert.Equal(OutboxStatus.Sent, done.Status);
        Assert.Equal(3, h.StandIn.Calls.Count);
        Assert.Equal(2500, h.StandIn.Calls.SelectMany(c => c.Recipients).Distinct().Count());
        Assert.Equal(string.Join('|', h.StandIn.Calls.Select(c => c.MsgId)), done.WeComMsgId);
    }

    [Fact]
    public async Task A_timeout_is_retried_later()
    {
        // Long enough that a send on a loaded machine finishes inside it; the hang outlasts it by far.
        await using var h = await OutboundHarness.StartAsync(settings: new Dictionary<string, string?> { ["WeCom:ApiTimeout"] = "00:00:02" });
        var id = await h.EnqueueAsync(new TextPart("x"), ["u1"]);
        await h.Services.GetRequiredService<IWeComAccessTokenProvider>().GetTokenAsync();
        h.StandIn.InjectFault(new StandInFault.Hang(TimeSpan.FromSeconds(10)));

        await h.Sender.RunOnceAsync();
        Assert.Contains("timed out", (await h.RowAsync(id)).LastError);

        h.Time.Advance(PastFirstRetry);
        await h.Sender.RunOnceAsync();
        Assert.Equal(OutboxStatus.Sent, (await h.RowAsync(id)).Status);
        Assert.Single(h.StandIn.Calls);
    }

    [Fact]
    public async Task A_push_waits_for_its_NotBefore()
    {
        await using var h = await OutboundHarness.StartAsync();
        var id = await h.EnqueueAsync(new TextPart("早上好"), ["u1"], p => p with { NotBefore = h.Time.GetUtcNow().AddHours(8) });

        Assert.Equal(0, await h.Sender.RunOnceAsync());
        h.Time.Advance(TimeSpan.FromHours(8));
        Assert.Equal(1, await h.Sender.RunOnceAsync());

        Assert.Equal(OutboxStatus.Sent, (await h.RowAsync(id)).Status);
    }

    [Fact]
    public async Task An_unreadable_payload_fails_visibly()
    {
        await using var h = await OutboundHarness.StartAsync();
        var id = await h.WithDbAsync(async db =>
        {
            var row = new OutboxMessage { ToUsers = "u1", PayloadJson = """{"kind":"hologram"}""", CreatedAt = h.Time.GetUtcNow(), NotBefore = h.Time.GetUtcNow() };
            db.Outbox.Add(row);
            await db.SaveChangesAsync();
            return row.Id;
        });

        await h.Sender.RunOnceAsync();

        var failed = await h.RowAsync(id);
        Assert.Equal(OutboxStatus.Failed, failed.Status);
        Assert.Contains("payload unreadable", failed.LastError);
    }
}
