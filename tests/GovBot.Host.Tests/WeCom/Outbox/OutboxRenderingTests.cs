using System.Text.Json;
using GovBot.Data.Messaging;
using GovBot.Skills.Conversation;

namespace GovBot.Host.Tests.WeCom.Outbox;

/// <summary>Each reply part, sent through the outbox, as the stand-in received it.</summary>
public sealed class OutboxRenderingTests
{
    [Fact]
    public async Task Choices_become_a_numbered_text()
    {
        await using var h = await OutboundHarness.StartAsync();
        await h.EnqueueAsync(new ChoicesPart("请问您要办理哪项业务？", ["低保申请", "残疾证办理", "其他"]), ["u1"]);

        await h.Sender.RunOnceAsync();

        var call = Assert.Single(h.StandIn.Calls);
        Assert.Equal("text", call.MsgType);
        Assert.Equal("请问您要办理哪项业务？\n1. 低保申请\n2. 残疾证办理\n3. 其他", call.Body.GetProperty("text").GetProperty("content").GetString());
    }

    [Fact]
    public async Task A_card_with_buttons_becomes_a_button_interaction_template_card()
    {
        await using var h = await OutboundHarness.StartAsync();
        var card = new CardPart("新的居民诉求", "幸福小区3号楼 路灯不亮",
            [new CardButton("report:accept:17", "接单", Primary: true), new CardButton("report:transfer:17", "转派")],
            TaskId: "report-17");
        var id = await h.EnqueueAsync(card, ["grid1"]);

        await h.Sender.RunOnceAsync();

        var call = Assert.Single(h.StandIn.Calls);
        Assert.Equal("template_card", call.MsgType);
        Assert.Equal("grid1", call.Body.GetProperty("touser").GetString());
        var tc = call.Body.GetProperty("template_card");
        Assert.Equal("button_interaction", tc.GetProperty("card_type").GetString());
        Assert.Equal("report-17", tc.GetProperty("task_id").GetString());
        Assert.Equal("新的居民诉求", tc.GetProperty("main_title").GetProperty("title").GetString());
        Assert.Equal("幸福小区3号楼 路灯不亮", tc.GetProperty("sub_title_text").GetString());
        var buttons = tc.GetProperty("button_list").EnumerateArray().ToList();
        Assert.Equal(2, buttons.Count);
        AssertButton(buttons[0], "接单", "report:accept:17", 1);
        AssertButton(buttons[1], "转派", "report:transfer:17", 2);
        Assert.NotNull(call.ResponseCode);
        Assert.Equal(OutboxStatus.Sent, (await h.RowAsync(id)).Status);
    }

    [Fact]
    public async Task A_button_card_without_task_id_gets_a_stable_one_and_later_batches_a_suffix()
    {
        await using var h = await OutboundHarness.StartAsync();
        var id = await h.EnqueueAsync(new CardPart("防汛通知", "请确认已收到", [new CardButton("flood:ack:3", "已收到", true)]), OutboundHarness.Users(1200));

        await h.Sender.RunOnceAsync();

        var taskIds = h.StandIn.Calls.Select(c => c.Body.GetProperty("template_card").GetProperty("task_id").GetString()).ToList();
        var createdAt = (await h.RowAsync(id)).CreatedAt.ToUnixTimeSeconds();
        Assert.Equal([$"outbox-{id}-{createdAt}", $"outbox-{id}-{createdAt}-b1"], taskIds);
    }

    [Fact]
    public async Task A_card_without_buttons_becomes_text()
    {
        await using var h = await OutboundHarness.StartAsync();
        await h.EnqueueAsync(new CardPart("办事指南", "携带身份证到社区服务站", []), ["u1"]);

        await h.Sender.RunOnceAsync();

        Assert.Equal("办事指南\n携带身份证到社区服务站", h.StandIn.Calls.Single().Body.GetProperty("text").GetProperty("content").GetString());
    }

    [Fact]
    public async Task A_card_update_greys_out_the_buttons_for_every_recipient_once()
    {
        await using var h = await OutboundHarness.StartAsync();
        var code = h.StandIn.IssueResponseCode("report-17", ["grid1", "grid2"]);
        var id = await h.EnqueueAsync(new CardUpdate("report-17", "已由张三接单", code), []);
        var again = await h.EnqueueAsync(new CardUpdate("report-17", "已由李四接单", code), []);

        await h.Sender.RunOnceAsync();

        var call = Assert.Single(h.StandIn.Calls);
        Assert.Equal("message/update_template_card", call.Endpoint);
        Assert.Equal(code, call.Body.GetProperty("response_code").GetString());
        Assert.Equal("已由张三接单", call.Body.GetProperty("button").GetProperty("replace_name").GetString());
        Assert.Equal(1, call.Body.GetProperty("atall").GetInt32());
        Assert.Equal(h.StandIn.Options.AgentId, call.Body.GetProperty("agentid").GetInt32());
        Assert.Equal(["grid1", "grid2"], call.Recipients);
        Assert.Equal(OutboxStatus.Sent, (await h.RowAsync(id)).Status);
        // A response_code works once; the second update is refused for good.
        var refused = await h.RowAsync(again);
        Assert.Equal(OutboxStatus.Failed, refused.Status);
        Assert.Contains("40035", refused.LastError);
    }

    [Fact]
    public async Task A_card_with_more_buttons_than_WeCom_shows_fails_visibly()
    {
        await using var h = await OutboundHarness.StartAsync();
        var buttons = Enumerable.Range(1, 7).Select(i => new CardButton($"k{i}", $"选项{i}")).ToList();
        var id = await h.EnqueueAsync(new CardPart("t", "d", buttons), ["u1"]);

        await h.Sender.RunOnceAsync();

        var row = await h.RowAsync(id);
        Assert.Equal(OutboxStatus.Failed, row.Status);
        Assert.Contains("at most 6", row.LastError);
        Assert.Empty(h.StandIn.Calls);
    }

    [Fact]
    public async Task Text_over_2048_bytes_goes_out_whole_in_several_messages()
    {
        await using var h = await OutboundHarness.StartAsync();
        await h.EnqueueAsync(new TextPart(new string('通', 1000)), ["u1"]); // 3000 bytes

        await h.Sender.RunOnceAsync();

        var contents = h.StandIn.Calls.Select(c => c.Body.GetProperty("text").GetProperty("content").GetString()!).ToList();
        Assert.Equal(2, contents.Count);
        Assert.All(contents, c => Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(c), 1, 2048));
        Assert.Equal(new string('通', 1000), string.Concat(contents));
    }

    private static void AssertButton(JsonElement button, string text, string key, int style)
    {
        Assert.Equal(text, button.GetProperty("text").GetString());
        Assert.Equal(key, button.GetProperty("key").GetString());
        Assert.Equal(style, button.GetProperty("style").GetInt32());
    }
}
