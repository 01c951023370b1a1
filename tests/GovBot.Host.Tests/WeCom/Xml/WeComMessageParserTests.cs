using GovBot.Host.WeCom.Xml;

namespace GovBot.Host.Tests.WeCom.Xml;

public sealed class WeComMessageParserTests
{
    private const string Head = "<xml><ToUserName><![CDATA[ww1234]]></ToUserName><FromUserName><![CDATA[LiSi]]></FromUserName><CreateTime>1718000000</CreateTime>";

    [Fact]
    public void Text_message()
    {
        var m = WeComMessageParser.Parse(Head + "<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[你好，我要报修]]></Content><MsgId>1234567890123456</MsgId><AgentID>1000002</AgentID></xml>");

        Assert.Equal("ww1234", m.ToUserName);
        Assert.Equal("LiSi", m.FromUserName);
        Assert.Equal(1718000000L, m.CreateTime);
        Assert.Equal(WeComMsgTypes.Text, m.MsgType);
        Assert.Equal("你好，我要报修", m.Content);
        Assert.Equal("1234567890123456", m.MsgId);
        Assert.Equal("1000002", m.AgentId);
        Assert.Null(m.Event);
    }

    [Fact]
    public void Image_message()
    {
        var m = WeComMessageParser.Parse(Head + "<MsgType><![CDATA[image]]></MsgType><PicUrl><![CDATA[https://example.invalid/p.jpg]]></PicUrl><MediaId><![CDATA[media_id]]></MediaId><MsgId>1</MsgId><AgentID>1</AgentID></xml>");

        Assert.Equal(WeComMsgTypes.Image, m.MsgType);
        Assert.Equal("https://example.invalid/p.jpg", m.PicUrl);
        Assert.Equal("media_id", m.MediaId);
    }

    [Fact]
    public void Voice_message()
    {
        var m = WeComMessageParser.Parse(Head + "<MsgType><![CDATA[voice]]></MsgType><MediaId><![CDATA[v1]]></MediaId><Format><![CDATA[amr]]></Format><Recognition><![CDATA[路灯不亮]]></Recognition><MsgId>2</MsgId><AgentID>1</AgentID></xml>");

        Assert.Equal(WeComMsgTypes.Voice, m.MsgType);
        Assert.Equal("v1", m.MediaId);
        Assert.Equal("amr", m.Format);
        Assert.Equal("路灯不亮", m.Recognition);
    }

    [Fact]
    public void Location_message()
    {
        var m = WeComMessageParser.Parse(Head + "<MsgType><![CDATA[location]]></MsgType><Location_X>36.088</Location_X><Location_Y>111.519</Location_Y><Scale>15</Scale><Label><![CDATA[山西省临汾市尧都区]]></Label><MsgId>3</MsgId><AgentID>1</AgentID></xml>");

        Assert.Equal(WeComMsgTypes.Location, m.MsgType);
        Assert.Equal(36.088, m.LocationX);
        Assert.Equal(111.519, m.LocationY);
        Assert.Equal(15, m.Scale);
        Assert.Equal("山西省临汾市尧都区", m.Label);
    }

    [Fact]
    public void Link_message()
    {
        var m = WeComMessageParser.Parse(Head + "<MsgType><![CDATA[link]]></MsgType><Title><![CDATA[通知]]></Title><Description><![CDATA[停水]]></Description><Url><![CDATA[https://example.invalid/a?b=1&c=2]]></Url><PicUrl><![CDATA[https://example.invalid/t.png]]></PicUrl><MsgId>4</MsgId><AgentID>1</AgentID></xml>");

        Assert.Equal(WeComMsgTypes.Link, m.MsgType);
        Assert.Equal("通知", m.Title);
        Assert.Equal("停水", m.Description);
        Assert.Equal("https://example.invalid/a?b=1&c=2", m.Url);
        Assert.Equal("https://example.invalid/t.png", m.PicUrl);
    }

    [Theory]
    [InlineData(WeComEvents.EnterAgent, "")]
    [InlineData(WeComEvents.Click, "MENU_REPORT")]
    [InlineData(WeComEvents.View, "https://example.invalid/menu")]
    public void Menu_and_enter_events(string eventName, string eventKey)
    {
        var m = WeComMessageParser.Parse(Head + $"<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[{eventName}]]></Event><EventKey><![CDATA[{eventKey}]]></EventKey><AgentID>1</AgentID></xml>");

        Assert.Equal(WeComMsgTypes.Event, m.MsgType);
        Assert.Equal(eventName, m.Event);
        Assert.Equal(eventKey, m.EventKey);
        Assert.Null(m.MsgId);
    }

    [Fact]
    public void Location_event()
    {
        var m = WeComMessageParser.Parse(Head + "<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[LOCATION]]></Event><Latitude>36.088011</Latitude><Longitude>111.518975</Longitude><Precision>30.000000</Precision><AgentID>1</AgentID></xml>");

        Assert.Equal(WeComEvents.Location, m.Event);
        Assert.Equal(36.088011, m.Latitude);
        Assert.Equal(111.518975, m.Longitude);
        Assert.Equal(30.0, m.Precision);
    }

    [Fact]
    public void Template_card_event_with_nested_selected_items_that_are_skipped()
    {
        var m = WeComMessageParser.Parse(Head +
            "<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[template_card_event]]></Event><EventKey><![CDATA[accept]]></EventKey>" +
            "<TaskId><![CDATA[task-42]]></TaskId><CardType><![CDATA[button_interaction]]></CardType><ResponseCode><![CDATA[rc-abc]]></ResponseCode><AgentID>1</AgentID>" +
            "<SelectedItems><SelectedItem><QuestionKey><![CDATA[q1]]></QuestionKey><OptionIds><OptionId><![CDATA[o1]]></OptionId></OptionIds></SelectedItem></SelectedItems></xml>");

        Assert.Equal(WeComEvents.TemplateCardEvent, m.Event);
        Assert.Equal("accept", m.EventKey);
        Assert.Equal("task-42", m.TaskId);
        Assert.Equal("button_interaction", m.CardType);
        Assert.Equal("rc-abc", m.ResponseCode);
        Assert.Equal("1", m.AgentId);
    }

    [Fact]
    public void Unknown_msg_types_and_elements_are_carried_not_rejected()
    {
        var m = WeComMessageParser.Parse(Head + "<MsgType><![CDATA[video]]></MsgType><ThumbMediaId><![CDATA[t]]></ThumbMediaId><MsgId>5</MsgId></xml>");

        Assert.Equal("video", m.MsgType);
        Assert.Equal("5", m.MsgId);
    }

    [Fact]
    public void Plain_text_entities_and_whitespace_layout_are_read_like_cdata()
    {
        string content = string.Concat(Enumerable.Repeat("&amp;&lt;&#x4E2D;", 3000));
        var m = WeComMessageParser.Parse(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xml>\n  <ToUserName>ww1</ToUserName>\n  <FromUserName>u</FromUserName>\n  <!-- note -->\n  <CreateTime> 17 </CreateTime>\n" +
            $"  <MsgType>text</MsgType>\n  <Content>{content}</Content>\n</xml>\n");

        Assert.Equal(17L, m.CreateTime);
        Assert.Equal(string.Concat(Enumerable.Repeat("&<中", 3000)), m.Content);
    }

    [Fact]
    public void A_doctype_inside_a_citizens_text_is_just_text()
    {
        var m = WeComMessageParser.Parse(Head + "<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[<!DOCTYPE x [<!ENTITY a \"b\">]>]]></Content></xml>");

        Assert.Equal("<!DOCTYPE x [<!ENTITY a \"b\">]>", m.Content);
    }

    [Fact]
    public void DedupKey_is_the_msg_id_for_messages()
    {
        var xml = Head + "<MsgType>text</MsgType><Content>x</Content><MsgId>777</MsgId></xml>";

        Assert.Equal("777", WeComInboundMessage.DedupKeyOf(WeComMessageParser.Parse(xml), xml));
    }

    [Theory]
    [InlineData("<Event>click</Event>", "LiSi:1718000000:click:")]
    [InlineData("<Event>enter_agent</Event><MsgId></MsgId>", "LiSi:1718000000:enter_agent:")]
    [InlineData("", "LiSi:1718000000::")]
    public void DedupKey_is_sender_time_and_event_then_what_the_event_carries(string fields, string prefix)
    {
        var xml = Head + $"<MsgType>event</MsgType>{fields}</xml>";

        var key = WeComInboundMessage.DedupKeyOf(WeComMessageParser.Parse(xml), xml);

        Assert.StartsWith(prefix, key);
        Assert.Equal(key, WeComInboundMessage.DedupKeyOf(WeComMessageParser.Parse(xml), xml));
    }

    [Fact]
    public void Two_taps_in_one_second_on_different_cards_have_different_keys()
    {
        var first = WeComInboundXml.TemplateCardEvent("ww1", "u", 6, "accept", "card-1", "button_interaction", "rc1", "2");
        var second = WeComInboundXml.TemplateCardEvent("ww1", "u", 6, "accept", "card-2", "button_interaction", "rc2", "2");

        Assert.NotEqual(
            WeComInboundMessage.DedupKeyOf(WeComMessageParser.Parse(first), first),
            WeComInboundMessage.DedupKeyOf(WeComMessageParser.Parse(second), second));
    }

    [Theory]
    [InlineData("FromUserName", "<xml><ToUserName>a</ToUserName><CreateTime>1</CreateTime><MsgType>text</MsgType></xml>")]
    [InlineData("FromUserName", "<xml><FromUserName>  </FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType></xml>")]
    [InlineData("MsgType", "<xml><FromUserName>u</FromUserName><CreateTime>1</CreateTime></xml>")]
    [InlineData("CreateTime", "<xml><FromUserName>u</FromUserName><MsgType>text</MsgType></xml>")]
    [InlineData("CreateTime", "<xml><FromUserName>u</FromUserName><CreateTime></CreateTime><MsgType>text</MsgType></xml>")]
    [InlineData("FromUserName", "<xml/>")]
    [InlineData("FromUserName", "<xml><Extra><FromUserName>nested does not count</FromUserName></Extra><CreateTime>1</CreateTime><MsgType>text</MsgType></xml>")]
    public void Missing_required_fields_are_named(string field, string xml)
    {
        var ex = Assert.Throws<WeComXmlException>(() => WeComMessageParser.Parse(xml));

        Assert.Equal(WeComXmlError.MissingField, ex.Error);
        Assert.Equal(field, ex.Field);
    }

    [Theory]
    [InlineData("CreateTime", "<CreateTime>yesterday</CreateTime>")]
    [InlineData("CreateTime", "<CreateTime>99999999999999999999</CreateTime>")]
    [InlineData("Location_X", "<CreateTime>1</CreateTime><Location_X>north</Location_X>")]
    [InlineData("Latitude", "<CreateTime>1</CreateTime><Latitude>NaN</Latitude>")]
    [InlineData("Scale", "<CreateTime>1</CreateTime><Scale>1.5</Scale>")]
    public void Non_numeric_numbers_are_invalid_fields(string field, string fields)
    {
        var ex = Assert.Throws<WeComXmlException>(() => WeComMessageParser.Parse($"<xml><FromUserName>u</FromUserName><MsgType>location</MsgType>{fields}</xml>"));

        Assert.Equal(WeComXmlError.InvalidField, ex.Error);
        Assert.Equal(field, ex.Field);
    }

    [Fact]
    public void A_known_field_with_child_elements_is_malformed_not_a_crash()
    {
        var ex = Assert.Throws<WeComXmlException>(() =>
            WeComMessageParser.Parse("<xml><FromUserName><b>u</b></FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType></xml>"));

        Assert.Equal(WeComXmlError.Malformed, ex.Error);
    }
}
