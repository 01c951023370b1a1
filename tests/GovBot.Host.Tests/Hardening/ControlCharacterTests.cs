using GovBot.Data.Reports;
using GovBot.Data.Seeding;
using GovBot.Host.Tests.EndToEnd;
using GovBot.Host.Tests.WeCom;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Host.Tests.Hardening;

/// <summary>Residents paste text from documents and other apps; some of it carries characters XML does not allow.</summary>
public sealed class ControlCharacterTests
{
    [Theory]
    [InlineData("raw vertical tab", "3号楼有人从窗户\v拉电线给电动车充电")]
    [InlineData("raw NUL", "3号楼有人从窗户\0拉电线给电动车充电")]
    [InlineData("raw U+FFFF", "3号楼有人从窗户\uFFFF拉电线给电动车充电")]
    [InlineData("reference &#x1;", "3号楼有人从窗户&#x1;拉电线给电动车充电")]
    [InlineData("reference &#11;", "3号楼有人从窗户&#11;拉电线给电动车充电")]
    [InlineData("reference &#xFFFF;", "3号楼有人从窗户&#xFFFF;拉电线给电动车充电")]
    public async Task A_message_with_characters_xml_forbids_is_answered_and_can_be_filed(string _, string content)
    {
        await using var bot = await BotHost.StartAsync();
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        // Written by hand: the bot's own XML writer would drop these characters before they reached the callback.
        var xml = $"<xml><ToUserName><![CDATA[{WeComSample.CorpId}]]></ToUserName><FromUserName><![CDATA[{DemoUsers.Resident}]]></FromUserName>"
            + $"<CreateTime>{now}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content>{content}</Content>"
            + "<MsgId>7400000001</MsgId><AgentID>1000002</AgentID></xml>";

        var summary = await bot.ReplyToAsync(DemoUsers.Resident, () => bot.WeCom.PostAsync(xml));

        Assert.Contains("飞线充电", summary);
        Assert.Contains("已上报", await bot.SayAsync(DemoUsers.Resident, "是"));
        var description = await bot.WithDbAsync(db => db.Reports.Select(r => r.Description).SingleAsync());
        Assert.Contains("拉电线给电动车充电", description);
        Assert.DoesNotContain(description, c => c is '\v' or '\0' or '\x1' or '\uFFFF');
    }
}
