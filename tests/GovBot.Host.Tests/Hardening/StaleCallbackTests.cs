using System.Globalization;
using System.Net;
using System.Text;
using GovBot.Data.Seeding;
using GovBot.Host.Tests.EndToEnd;
using GovBot.Host.Tests.WeCom;
using GovBot.Host.WeCom.Xml;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Host.Tests.Hardening;

/// <summary>A validly signed callback captured long ago (or stamped in the future) is played back at the bot.</summary>
public sealed class StaleCallbackTests
{
    [Theory]
    [InlineData(-366 * 24 * 3600)]
    [InlineData(-2 * 3600)]
    [InlineData(24 * 3600)]
    [InlineData(10 * 60)]
    public async Task A_signed_callback_outside_the_time_window_is_refused_and_changes_nothing(long offsetSeconds)
    {
        await using var bot = await BotHost.StartAsync();
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var xml = WeComInboundXml.Text(WeComSample.CorpId, DemoUsers.Resident, now, "3号楼有人从窗户拉电线给电动车充电", "7300000001", "1000002");

        var response = await PostSignedAsync(bot, xml, (now + offsetSeconds).ToString(CultureInfo.InvariantCulture));

        Assert.True(response is HttpStatusCode.Forbidden or HttpStatusCode.BadRequest, response.ToString());
        Assert.Equal(0, await bot.WithDbAsync(db => db.Inbox.CountAsync()));
        Assert.Equal(0, await bot.WithDbAsync(db => db.Outbox.CountAsync()));
        Assert.Empty(bot.StandIn.CallsTo("message/send"));
    }

    [Fact]
    public async Task A_callback_a_few_seconds_old_or_slightly_ahead_is_answered()
    {
        await using var bot = await BotHost.StartAsync();
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var old = WeComInboundXml.Text(WeComSample.CorpId, DemoUsers.Resident, now, "你好", "7300000002", "1000002");
        var ahead = WeComInboundXml.Text(WeComSample.CorpId, DemoUsers.Neighbour, now, "你好", "7300000003", "1000002");

        Assert.Equal(HttpStatusCode.OK, await PostSignedAsync(bot, old, (now - 30).ToString(CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.OK, await PostSignedAsync(bot, ahead, (now + 60).ToString(CultureInfo.InvariantCulture)));
        Assert.Equal(2, await bot.WithDbAsync(db => db.Inbox.CountAsync()));
    }

    private static async Task<HttpStatusCode> PostSignedAsync(BotHost bot, string xml, string timestamp)
    {
        const string nonce = "5150515";
        var request = bot.Crypto.EncryptInbound(xml, WeComSample.CorpId, "1000002", timestamp, nonce);
        using var content = new StringContent(request.Body, Encoding.UTF8, "text/xml");
        using var response = await bot.Http.PostAsync(
            $"wecom/callback?msg_signature={request.MsgSignature}&timestamp={request.Timestamp}&nonce={request.Nonce}", content);
        return response.StatusCode;
    }
}
