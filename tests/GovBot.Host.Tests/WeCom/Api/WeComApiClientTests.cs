using System.Text;
using System.Text.Json;
using GovBot.Emulator;
using GovBot.Host.WeCom.Api;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace GovBot.Host.Tests.WeCom.Api;

public sealed class WeComApiClientTests
{
    private static WeComTextMessage Text(string user, string content) =>
        new() { ToUser = user, Text = new WeComTextContent(content) };

    [Fact]
    public async Task Send_returns_the_msgid_and_fills_in_the_agent()
    {
        await using var h = await OutboundHarness.StartAsync();

        var result = await h.Api.SendAsync(Text("u1|u2", "通知"));

        Assert.True(result.IsOk);
        var call = Assert.Single(h.StandIn.Calls);
        Assert.Equal(call.MsgId, result.MsgId);
        Assert.Equal(h.StandIn.Options.AgentId, call.Body.GetProperty("agentid").GetInt32());
        Assert.Equal("text", call.MsgType);
        Assert.Equal(["u1", "u2"], call.Recipients);
        Assert.False(call.Body.TryGetProperty("enable_duplicate_check", out _));
    }

    [Fact]
    public async Task Chinese_emoji_and_quotes_travel_unescaped_as_WeCom_requires()
    {
        await using var h = await OutboundHarness.StartAsync();
        const string content = "社区通知😀 \"请\\注意\"\n第二行";

        var result = await h.Api.SendAsync(Text("u1", content));

        Assert.True(result.IsOk, result.ErrMsg); // the stand-in answers 40033 to any \uXXXX escape
        Assert.Equal(content, h.StandIn.Calls.Single().Body.GetProperty("text").GetProperty("content").GetString());
        var json = JsonSerializer.Serialize<WeComMessage>(Text("u1", content), WeComJson.Options);
        Assert.DoesNotContain("\\u", json);
        Assert.Contains("😀", json);
    }

    [Fact]
    public async Task Duplicate_check_is_sent_as_zero_one_flags()
    {
        await using var h = await OutboundHarness.StartAsync();

        await h.Api.SendAsync(Text("u1", "x") with { EnableDuplicateCheck = true, DuplicateCheckInterval = 600 });

        var body = h.StandIn.Calls.Single().Body;
        Assert.Equal(1, body.GetProperty("enable_duplicate_check").GetInt32());
        Assert.Equal(600, body.GetProperty("duplicate_check_interval").GetInt32());
    }

    [Fact]
    public async Task Unknown_users_come_back_in_invaliduser_and_all_unknown_is_81013()
    {
        await using var h = await OutboundHarness.StartAsync(knownUsers: ["u1"]);

        var partly = await h.Api.SendAsync(Text("u1|ghost", "x"));
        var none = await h.Api.SendAsync(Text("ghost", "x"));

        Assert.True(partly.IsOk);
        Assert.Equal("ghost", partly.InvalidUser);
        Assert.Equal(WeComErrors.AllRecipientsInvalid, none.ErrCode);
        Assert.Equal(WeComErrorKind.RecipientsRefused, none.Kind);
    }

    [Fact]
    public async Task More_than_1000_users_in_one_call_is_refused_before_sending()
    {
        await using var h = await OutboundHarness.StartAsync();

        await Assert.ThrowsAsync<ArgumentException>(() =>
            h.Api.SendAsync(Text(WeComMessage.JoinUsers(OutboundHarness.Users(1001)), "x")));
    }

    [Fact]
    public async Task Http_5xx_is_a_transient_failure()
    {
        await using var h = await OutboundHarness.StartAsync();
        h.StandIn.InjectFault(new StandInFault.Http(502));

        var ex = await Assert.ThrowsAsync<WeComTransientException>(() => h.Api.SendAsync(Text("u1", "x")));

        Assert.Contains("502", ex.Message);
        Assert.Empty(h.StandIn.Calls);
    }

    [Fact]
    public async Task A_timeout_is_a_transient_failure_and_the_abandoned_call_is_not_done()
    {
        await using var h = await OutboundHarness.StartAsync(settings: new Dictionary<string, string?> { ["WeCom:ApiTimeout"] = "00:00:02" });
        await h.Api.SendAsync(Text("u1", "warm-up"));
        h.StandIn.InjectFault(new StandInFault.Hang(TimeSpan.FromSeconds(10)));

        var ex = await Assert.ThrowsAsync<WeComTransientException>(() => h.Api.SendAsync(Text("u1", "x")));

        Assert.Contains("timed out", ex.Message);
        Assert.Single(h.StandIn.Calls);
    }

    [Fact]
    public async Task Refusals_come_back_as_results_classified_by_errcode()
    {
        await using var h = await OutboundHarness.StartAsync();
        h.StandIn.InjectFault(new StandInFault.Refusal(WeComErrors.ApiFrequencyLimit));
        h.StandIn.InjectFault(new StandInFault.Refusal(WeComErrors.SystemBusy, "system busy"));

        var limited = await h.Api.SendAsync(Text("u1", "x"));
        var busy = await h.Api.SendAsync(Text("u1", "x"));
        var empty = await h.Api.SendAsync(Text("u1", ""));

        Assert.Equal(WeComErrorKind.Transient, limited.Kind);
        Assert.Equal(WeComErrorKind.Transient, busy.Kind);
        Assert.Equal(WeComErrors.EmptyContent, empty.ErrCode);
        Assert.Equal(WeComErrorKind.Refused, empty.Kind);
    }

    [Fact]
    public async Task Media_comes_back_with_its_type_and_file_name()
    {
        await using var h = await OutboundHarness.StartAsync();
        var bytes = Encoding.UTF8.GetBytes("fake jpeg");
        h.StandIn.AddMedia("MEDIA_1", bytes, "image/jpeg", "积水照片.jpg");

        var found = await h.Api.GetMediaAsync("MEDIA_1");
        var missing = await h.Api.GetMediaAsync("NOPE");

        Assert.True(found.IsOk);
        Assert.Equal(bytes, found.Media!.Content);
        Assert.Equal("image/jpeg", found.Media.ContentType);
        Assert.Equal("积水照片.jpg", found.Media.FileName);
        Assert.Equal(WeComErrors.InvalidMediaId, missing.ErrCode);
        Assert.Null(missing.Media);
    }

    [Fact]
    public async Task Update_template_card_reads_invaliduser_given_as_an_array()
    {
        await using var h = await OutboundHarness.StartAsync(knownUsers: ["u1"]);
        var code = h.StandIn.IssueResponseCode("task-1", ["u1"]);

        var result = await h.Api.UpdateTemplateCardAsync(new WeComTemplateCardUpdate
        {
            UserIds = ["u1", "ghost"],
            ResponseCode = code,
            Button = new WeComReplaceButton("已处理"),
        });

        Assert.True(result.IsOk, result.ErrMsg);
        Assert.Equal("ghost", result.InvalidUser);
    }

    [Fact]
    public async Task Options_are_validated_when_the_host_starts()
    {
        await using var h = await OutboundHarness.StartAsync(settings: new Dictionary<string, string?>
        {
            ["WeCom:EncodingAesKey"] = "too-short",
            ["WeCom:CorpId"] = "",
        });

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => h.Host.StartAsync());

        Assert.Contains(ex.Failures, f => f.Contains(nameof(WeComOptions.EncodingAesKey)));
        Assert.Contains(ex.Failures, f => f.Contains(nameof(WeComOptions.CorpId)));
    }

    [Fact]
    public void Options_defaults_point_at_WeCom_with_a_two_second_passive_budget()
    {
        var options = new WeComOptions();

        Assert.Equal("https://qyapi.weixin.qq.com", options.ApiBaseUrl);
        Assert.Equal(TimeSpan.FromSeconds(2), options.PassiveReplyBudget);
    }
}
