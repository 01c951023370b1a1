using System.Net;
using System.Text;
using GovBot.Data.Messaging;
using GovBot.Data.Seeding;
using GovBot.Host.Tests.WeCom;
using GovBot.Host.Tests.WeCom.Crypto;
using GovBot.Host.WeCom.Xml;
using GovBot.Skills.State;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovBot.Host.Tests.EndToEnd;

/// <summary>The callback URL as WeChat Work uses it: verification, messages, replies, retries and forgeries.</summary>
public sealed class CallbackTests : IAsyncLifetime
{
    private BotHost _bot = null!;

    public async Task InitializeAsync() => _bot = await BotHost.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Url_verification_returns_the_decrypted_echostr()
    {
        var echo = _bot.Crypto.Encrypt("8765309120");
        var signature = _bot.Crypto.Sign("1409659589", "263014780", echo);

        var response = await _bot.Http.GetAsync(
            $"wecom/callback?msg_signature={signature}&timestamp=1409659589&nonce=263014780&echostr={Uri.EscapeDataString(echo)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("8765309120", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Url_verification_with_a_forged_signature_is_refused()
    {
        var echo = _bot.Crypto.Encrypt("8765309120");
        var response = await _bot.Http.GetAsync(
            $"wecom/callback?msg_signature={new string('0', 40)}&timestamp=1&nonce=2&echostr={Uri.EscapeDataString(echo)}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_text_message_gets_an_encrypted_signed_passive_reply_in_Chinese()
    {
        var answer = await _bot.WeCom.SendTextAsync(DemoUsers.Resident, "你好");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.NotNull(answer.PassiveReply);
        Assert.Contains("社区小助手", answer.PassiveReply);
        Assert.Equal(1, await _bot.WithDbAsync(db => db.Inbox.CountAsync(m => m.Status == InboxStatus.Done)));
    }

    [Fact]
    public async Task A_repeated_delivery_is_handled_once_and_answered_the_same()
    {
        var xml = WeComInboundXml.Text(WeComSample.CorpId, DemoUsers.Newcomer, 1_790_000_000, "你好", "7000000001", "1000002");

        var first = await _bot.WeCom.PostAsync(xml);
        var second = await _bot.WeCom.PostAsync(xml);
        var third = await _bot.WeCom.PostAsync(xml);

        Assert.NotNull(first.PassiveReply);
        Assert.Equal(first.PassiveReply, second.PassiveReply);
        Assert.Equal(first.PassiveReply, third.PassiveReply);
        Assert.Equal(1, await _bot.WithDbAsync(db => db.Inbox.CountAsync()));
        // Onboarding asked its first question once; a doubled turn would have moved the dialog on.
        var next = await _bot.WeCom.SendTextAsync(DemoUsers.Newcomer, "清泉湖社区");
        Assert.Contains("小区", next.PassiveReply);
    }

    [Fact]
    public async Task Events_are_deduplicated_by_sender_create_time_and_event()
    {
        var xml = WeComInboundXml.Event(WeComSample.CorpId, DemoUsers.Resident, 1_790_000_100, "enter_agent", null, "1000002");
        await _bot.WeCom.PostAsync(xml);
        await _bot.WeCom.PostAsync(xml);
        Assert.Equal(1, await _bot.WithDbAsync(db => db.Inbox.CountAsync()));
    }

    [Fact]
    public async Task A_message_type_the_bot_cannot_read_gets_a_polite_answer()
    {
        // A type the app never models (a video or a file is kept with a report: see Voice/AttachmentTests).
        var xml = $"""
            <xml><ToUserName><![CDATA[{WeComSample.CorpId}]]></ToUserName><FromUserName><![CDATA[{DemoUsers.Resident}]]></FromUserName>
            <CreateTime>1790000200</CreateTime><MsgType><![CDATA[shortvideo]]></MsgType><MediaId><![CDATA[m1]]></MediaId>
            <MsgId>7000000002</MsgId><AgentID>1000002</AgentID></xml>
            """;
        var answer = await _bot.WeCom.PostAsync(xml);
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Contains("打字", answer.PassiveReply);
    }

    [Fact]
    public async Task A_turn_slower_than_the_budget_is_answered_empty_and_its_reply_is_pushed()
    {
        await using var slow = await BotHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["WeCom:PassiveReplyBudget"] = "00:00:00.100",
        });
        // Hold the user's turn lease as a long-running earlier turn would, so this turn cannot finish in budget.
        var state = slow.Services.GetRequiredService<IStateStore>();
        var busy = await state.AcquireLockAsync("turn:" + DemoUsers.Resident, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(1));

        var answer = await slow.WeCom.SendTextAsync(DemoUsers.Resident, "帮助");
        await busy!.DisposeAsync();

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Null(answer.PassiveReply);
        await BotHost.EventuallyAsync(() => Task.FromResult(slow.PushedTextsTo(DemoUsers.Resident).Count > 0));
        var pushed = Assert.Single(slow.PushedTextsTo(DemoUsers.Resident));
        Assert.Contains("社区小助手", pushed);
    }

    public static TheoryData<string, string> Forgeries => new()
    {
        { "wrong signature", "signature" },
        { "bad base64", "base64" },
        { "bad padding", "padding" },
        { "wrong CorpID", "corpid" },
        { "malformed envelope", "malformed" },
        { "DTD in the envelope", "dtd" },
        { "DTD inside the encrypted message", "inner-dtd" },
        { "no Encrypt element", "no-encrypt" },
        { "message without sender", "no-sender" },
    };

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task Forged_or_malformed_callbacks_are_rejected_without_side_effects(string _, string kind)
    {
        var (query, body) = Forge(kind);
        using var content = new StringContent(body, Encoding.UTF8, "text/xml");
        var response = await _bot.Http.PostAsync("wecom/callback?" + query, content);

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Forbidden, $"{kind}: {response.StatusCode}");
        await AssertNothingHappenedAsync();
    }

    [Fact]
    public async Task An_oversized_body_is_refused()
    {
        using var content = new StringContent("<xml><Encrypt>" + new string('A', 200_000) + "</Encrypt></xml>", Encoding.UTF8, "text/xml");
        var response = await _bot.Http.PostAsync("wecom/callback?msg_signature=a&timestamp=1&nonce=2", content);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await AssertNothingHappenedAsync();
    }

    [Fact]
    public async Task Health_answers_once_callbacks_can_be_taken()
    {
        var response = await _bot.Http.GetAsync("healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task AssertNothingHappenedAsync()
    {
        Assert.Equal(0, await _bot.WithDbAsync(db => db.Inbox.CountAsync()));
        Assert.Equal(0, await _bot.WithDbAsync(db => db.Outbox.CountAsync()));
        Assert.Empty(_bot.StandIn.CallsTo("message/send"));
    }

    private (string Query, string Body) Forge(string kind)
    {
        const string ts = "1790000300", nonce = "424242";
        var message = WeComInboundXml.Text(WeComSample.CorpId, DemoUsers.Resident, 1_790_000_300, "你好", "7000000003", "1000002");

        string Signed(string encrypted) => $"msg_signature={_bot.Crypto.Sign(ts, nonce, encrypted)}&timestamp={ts}&nonce={nonce}";
        static string Envelope(string encrypted) =>
            $"<xml><ToUserName><![CDATA[{WeComSample.CorpId}]]></ToUserName><Encrypt><![CDATA[{encrypted}]]></Encrypt><AgentID>1000002</AgentID></xml>";

        switch (kind)
        {
            case "signature":
            {
                var encrypted = _bot.Crypto.Encrypt(message);
                return ($"msg_signature={new string('a', 40)}&timestamp={ts}&nonce={nonce}", Envelope(encrypted));
            }
            case "base64":
                return (Signed("!!not*base64!!"), Envelope("!!not*base64!!"));
            case "padding":
            {
                var plain = RawSealer.Layout((uint)Encoding.UTF8.GetByteCount(message), Encoding.UTF8.GetBytes(message), WeComSample.CorpId);
                var sealedText = RawSealer.Seal(RawSealer.Padded(plain, 32 - plain.Length % 32, 0));
                return (Signed(sealedText), Envelope(sealedText));
            }
            case "corpid":
            {
                var plain = RawSealer.Layout((uint)Encoding.UTF8.GetByteCount(message), Encoding.UTF8.GetBytes(message), "wwsomeoneelse0000");
                var sealedText = RawSealer.Seal(RawSealer.Padded(plain));
                return (Signed(sealedText), Envelope(sealedText));
            }
            case "malformed":
                return (Signed("abc"), "<xml><Encrypt>abc</Encr");
            case "dtd":
            {
                var encrypted = _bot.Crypto.Encrypt(message);
                return (Signed(encrypted), "<!DOCTYPE xml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" + Envelope(encrypted));
            }
            case "inner-dtd":
            {
                var evil = "<!DOCTYPE xml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" + message.Replace("你好", "&x;");
                var encrypted = _bot.Crypto.Encrypt(evil);
                return (Signed(encrypted), Envelope(encrypted));
            }
            case "no-encrypt":
                return (Signed(""), $"<xml><ToUserName><![CDATA[{WeComSample.CorpId}]]></ToUserName></xml>");
            case "no-sender":
            {
                var encrypted = _bot.Crypto.Encrypt("<xml><CreateTime>1</CreateTime><MsgType>text</MsgType><Content>x</Content></xml>");
                return (Signed(encrypted), Envelope(encrypted));
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(kind));
        }
    }
}
