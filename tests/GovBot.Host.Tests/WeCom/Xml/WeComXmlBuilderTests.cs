using System.Xml.Linq;
using GovBot.Host.WeCom.Xml;

namespace GovBot.Host.Tests.WeCom.Xml;

public sealed class WeComXmlBuilderTests
{
    [Fact]
    public void Text_reply_has_the_passive_reply_layout()
    {
        string xml = WeComReplyXml.Text("LiSi", "ww1234", 1718000000, "已收到，网格员将在2小时内联系您。");

        Assert.Equal(
            "<xml><ToUserName><![CDATA[LiSi]]></ToUserName><FromUserName><![CDATA[ww1234]]></FromUserName><CreateTime>1718000000</CreateTime>"
            + "<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[已收到，网格员将在2小时内联系您。]]></Content></xml>",
            xml);
    }

    [Theory]
    [InlineData("]]>")]
    [InlineData("a]]>b]]>c")]
    [InlineData("]]]]>>")]
    [InlineData("<![CDATA[x]]>")]
    [InlineData("]]")]
    [InlineData("tail]")]
    public void Reply_content_containing_the_cdata_terminator_survives(string content)
    {
        string xml = WeComReplyXml.Text("u", "ww1", 1, content);

        Assert.Equal(content, (string)XElement.Parse(xml).Element("Content")!);
        Assert.Equal(content, WeComMessageParser.Parse(xml).Content);
    }

    [Fact]
    public void Characters_xml_cannot_carry_are_dropped_and_everything_else_kept()
    {
        string xml = WeComReplyXml.Text("u", "ww1", 1, "a\u0000b\u0008c\uFFFEd\uD800e\uDC00f\t\r\n👍中");

        Assert.Equal("abcdef\t\n👍中", WeComMessageParser.Parse(xml).Content);
    }

    [Fact]
    public void Reply_envelope_has_the_official_layout()
    {
        string xml = WeComEnvelopeXml.BuildReply("ENC==", "abc123", "1409659813", "1372623149");

        Assert.Equal(
            "<xml><Encrypt><![CDATA[ENC==]]></Encrypt><MsgSignature><![CDATA[abc123]]></MsgSignature><TimeStamp>1409659813</TimeStamp><Nonce><![CDATA[1372623149]]></Nonce></xml>",
            xml);
    }

    [Fact]
    public void Reply_envelope_escapes_a_hostile_timestamp()
    {
        string xml = WeComEnvelopeXml.BuildReply("E", "S", "1<x>&", "n]]>");
        XElement root = XElement.Parse(xml);

        Assert.Equal("1<x>&", (string)root.Element("TimeStamp")!);
        Assert.Equal("n]]>", (string)root.Element("Nonce")!);
    }

    [Fact]
    public void Inbound_envelope_matches_the_published_post_body_byte_for_byte()
    {
        Assert.Equal(WeComSample.PostBody, WeComEnvelopeXml.BuildInbound(WeComSample.CorpId, "218", WeComSample.PostEncrypt));
    }

    [Fact]
    public void Inbound_envelope_without_agent_id_parses()
    {
        WeComEnvelope envelope = WeComEnvelopeParser.Parse(WeComEnvelopeXml.BuildInbound("ww1", null, "QUJD"));

        Assert.Equal(new WeComEnvelope("QUJD", "ww1", null), envelope);
    }

    [Fact]
    public void Inbound_text_has_the_shape_wecom_sends()
    {
        Assert.Equal(
            "<xml><ToUserName><![CDATA[ww1]]></ToUserName><FromUserName><![CDATA[LiSi]]></FromUserName><CreateTime>1718000000</CreateTime>"
            + "<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[你好]]></Content><MsgId>42</MsgId><AgentID>1000002</AgentID></xml>",
            WeComInboundXml.Text("ww1", "LiSi", 1718000000, "你好", "42", "1000002"));
    }

    public static TheoryData<WeComInboundMessage> Messages() => new()
    {
        new() { ToUserName = "ww1", FromUserName = "u1", CreateTime = 1, MsgType = WeComMsgTypes.Text, Content = "楼道灯坏了 ]]> & <b>", MsgId = "10", AgentId = "1000002" },
        new() { ToUserName = "ww1", FromUserName = "u1", CreateTime = 2, MsgType = WeComMsgTypes.Text, Content = "", MsgId = "11", AgentId = "1" },
        new() { ToUserName = "ww1", FromUserName = "u1", CreateTime = 3, MsgType = WeComMsgTypes.Image, PicUrl = "https://example.invalid/a.jpg?x=1&y=2", MediaId = "m", MsgId = "12", AgentId = "1" },
        new() { ToUserName = "ww1", FromUserName = "u1", CreateTime = 4, MsgType = WeComMsgTypes.Voice, MediaId = "m", Format = "amr", Recognition = "停水了", MsgId = "13", AgentId = "1" },
        new() { ToUserName = "ww1", FromUserName = "u1", CreateTime = 5, MsgType = WeComMsgTypes.Location, LocationX = 36.0880112, LocationY = -111.5, Scale = 15, Label = "尧都区", MsgId = "14", AgentId = "1" },
        new() { ToUserName = "ww1", FromUserName = "u1", CreateTime = 6, MsgType = WeComMsgTypes.Link, Title = "t", Description = "d", Url = "https://example.invalid", PicUrl = "p", MsgId = "15", AgentId = "1" },
        new() { ToUserName = "ww1", FromUserName = "u1", CreateTime = 7, MsgType = WeComMsgTypes.Event, Event = WeComEvents.EnterAgent, EventKey = "", AgentId = "1" },
        new() { ToUserName = "ww1", FromUserName = "u1", CreateTime = 8, MsgType = WeComMsgTypes.Event, Event = WeComEvents.Click, EventKey = "MENU_REPORT", AgentId = "1" },
        new() { ToUserName = "ww1", FromUserName = "u1", CreateTime = 9, MsgType = WeComMsgTypes.Event, Event = WeComEvents.View, EventKey = "https://example.invalid/m", AgentId = "1" },
        new() { ToUserName = "ww1", FromUserName = "u1", CreateTime = 10, MsgType = WeComMsgTypes.Event, Event = WeComEvents.Location, Latitude = 36.1, Longitude = 111.52, Precision = 65.0, AgentId = "1" },
        new() { ToUserName = "ww1", FromUserName = "u1", CreateTime = 11, MsgType = WeComMsgTypes.Event, Event = WeComEvents.TemplateCardEvent, EventKey = "accept", TaskId = "t-1", CardType = "button_interaction", ResponseCode = "rc", AgentId = "1" },
    };

    [Theory]
    [MemberData(nameof(Messages))]
    public void Inbound_messages_round_trip_through_the_parser(WeComInboundMessage message)
    {
        Assert.Equal(message, WeComMessageParser.Parse(WeComInboundXml.Build(message)));
    }

    [Fact]
    public void Inbound_helpers_cover_image_location_events_and_template_cards()
    {
        var image = WeComMessageParser.Parse(WeComInboundXml.Image("ww1", "u", 1, "https://p", "mid", "7", "2"));
        var location = WeComMessageParser.Parse(WeComInboundXml.Location("ww1", "u", 1, 36.08, 111.51, 16, "临汾", "8", "2"));
        var click = WeComMessageParser.Parse(WeComInboundXml.Event("ww1", "u", 5, WeComEvents.Click, "K", "2"));
        var enter = WeComMessageParser.Parse(WeComInboundXml.Event("ww1", "u", 5, WeComEvents.EnterAgent, null, "2"));
        var card = WeComMessageParser.Parse(WeComInboundXml.TemplateCardEvent("ww1", "u", 6, "accept", "task", "button_interaction", "rc", "2"));

        Assert.Equal(("https://p", "mid"), (image.PicUrl, image.MediaId));
        Assert.Equal((36.08, 111.51, 16, "临汾"), (location.LocationX!.Value, location.LocationY!.Value, location.Scale!.Value, location.Label));
        Assert.Equal(("click", "K", 5L), (click.Event, click.EventKey, click.CreateTime));
        Assert.Null(enter.EventKey);
        Assert.Equal((WeComEvents.TemplateCardEvent, "accept", "task", "button_interaction", "rc"), (card.Event, card.EventKey, card.TaskId, card.CardType, card.ResponseCode));
    }
}
