using System.Text;
using GovBot.Host.WeCom.Xml;

namespace GovBot.Host.Tests.WeCom.Xml;

/// <summary>Hostile and broken documents end in <see cref="WeComXmlException"/> with the right reason, and in nothing else.</summary>
public sealed class WeComXmlHardeningTests
{
    private const string Body = "<xml><ToUserName>ww1</ToUserName><FromUserName>u</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType><Content>hi</Content><Encrypt>QUJD</Encrypt></xml>";

    public static TheoryData<string> DtdAttacks() => new()
    {
        // XXE: an external entity that would pull in a local file.
        "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><xml><FromUserName>&xxe;</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType><Content>&xxe;</Content><Encrypt>&xxe;</Encrypt></xml>",
        // XXE through a parameter entity and an external DTD.
        "<!DOCTYPE xml [<!ENTITY % p SYSTEM \"file:///etc/passwd\"> %p;]><xml><FromUserName>u</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType><Encrypt>x</Encrypt></xml>",
        "<!DOCTYPE xml SYSTEM \"http://127.0.0.1:1/evil.dtd\"><xml><FromUserName>u</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType><Encrypt>x</Encrypt></xml>",
        // Billion laughs.
        "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\"><!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\"><!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\"><!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\"><!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\"><!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\"><!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\"><!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\"><!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">]><xml><FromUserName>u</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType><Content>&lol9;</Content><Encrypt>&lol9;</Encrypt></xml>",
        "<!doctype xml><xml><FromUserName>u</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType><Encrypt>x</Encrypt></xml>",
    };

    [Theory]
    [MemberData(nameof(DtdAttacks))]
    public void Any_dtd_is_refused_by_both_parsers_without_resolving_anything(string xml)
    {
        var message = Assert.Throws<WeComXmlException>(() => WeComMessageParser.Parse(xml));
        var envelope = Assert.Throws<WeComXmlException>(() => WeComEnvelopeParser.Parse(xml));

        Assert.Equal(WeComXmlError.DtdProhibited, message.Error);
        Assert.Equal(WeComXmlError.DtdProhibited, envelope.Error);
        Assert.DoesNotContain("root:", message.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_undeclared_entity_is_malformed()
    {
        var ex = Assert.Throws<WeComXmlException>(() => WeComMessageParser.Parse("<xml><FromUserName>&xxe;</FromUserName></xml>"));

        Assert.Equal(WeComXmlError.Malformed, ex.Error);
    }

    [Theory]
    [InlineData("not xml at all")]
    [InlineData("<xml><FromUserName>u</FromUserName>")]
    [InlineData("<xml><FromUserName>u</FromUser></xml>")]
    [InlineData("<xml><Content><![CDATA[unterminated</Content></xml>")]
    [InlineData("<xml>" + "<FromUserName>u</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType><Encrypt>x</Encrypt></xml><xml/>")]
    [InlineData("<xml><FromUserName>u</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType><Encrypt>x</Encrypt></xml>trailing")]
    [InlineData("<xml a=\"1\" a=\"2\"></xml>")]
    [InlineData("<?xml version=\"1.0\"?>")]
    public void Malformed_documents_are_malformed(string xml)
    {
        Assert.Equal(WeComXmlError.Malformed, Assert.Throws<WeComXmlException>(() => WeComMessageParser.Parse(xml)).Error);
        Assert.Equal(WeComXmlError.Malformed, Assert.Throws<WeComXmlException>(() => WeComEnvelopeParser.Parse(xml)).Error);
    }

    [Theory]
    [InlineData("\u0001", "ab")]
    [InlineData("\v", "a\nb")]
    [InlineData("&#x1;", "ab")]
    [InlineData("&#0;", "ab")]
    [InlineData("&#xFFFF;", "ab")]
    [InlineData("\uFFFF", "ab")]
    [InlineData("&#x4E2D;", "a中b")]
    public void Characters_xml_forbids_in_a_message_are_dropped_not_fatal(string inside, string expected)
    {
        var m = WeComMessageParser.Parse($"<xml><FromUserName>u</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType><Content>a{inside}b</Content></xml>");

        Assert.Equal(expected, m.Content);
    }

    [Theory]
    [InlineData("<message><FromUserName>u</FromUserName></message>")]
    [InlineData("<XML><FromUserName>u</FromUserName></XML>")]
    [InlineData("<root><xml><FromUserName>u</FromUserName></xml></root>")]
    public void A_root_other_than_xml_is_refused(string xml)
    {
        Assert.Equal(WeComXmlError.MissingRoot, Assert.Throws<WeComXmlException>(() => WeComMessageParser.Parse(xml)).Error);
        Assert.Equal(WeComXmlError.MissingRoot, Assert.Throws<WeComXmlException>(() => WeComEnvelopeParser.Parse(xml)).Error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Empty_input_is_empty(string? xml)
    {
        Assert.Equal(WeComXmlError.Empty, Assert.Throws<WeComXmlException>(() => WeComMessageParser.Parse(xml)).Error);
        Assert.Equal(WeComXmlError.Empty, Assert.Throws<WeComXmlException>(() => WeComEnvelopeParser.Parse(xml)).Error);
    }

    [Fact]
    public void Input_over_the_default_limit_is_too_large()
    {
        string xml = "<xml><FromUserName>u</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType><Content>"
            + new string('a', WeComXmlLimits.DefaultMaxCharacters) + "</Content></xml>";

        Assert.Equal(WeComXmlError.TooLarge, Assert.Throws<WeComXmlException>(() => WeComMessageParser.Parse(xml)).Error);
        Assert.Equal(WeComXmlError.TooLarge, Assert.Throws<WeComXmlException>(() => WeComEnvelopeParser.Parse(xml)).Error);
    }

    [Fact]
    public void The_limit_is_a_parameter()
    {
        Assert.Equal(WeComXmlError.TooLarge, Assert.Throws<WeComXmlException>(() => WeComMessageParser.Parse(Body, Body.Length - 1)).Error);
        Assert.Equal("hi", WeComMessageParser.Parse(Body, Body.Length).Content);
        Assert.Equal("QUJD", WeComEnvelopeParser.Parse(Body, Body.Length).Encrypt);
    }

    [Fact]
    public void Documents_just_under_the_default_limit_parse()
    {
        string head = "<xml><FromUserName>u</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType><Content>";
        const string tail = "</Content></xml>";
        string xml = head + new string('a', WeComXmlLimits.DefaultMaxCharacters - head.Length - tail.Length) + tail;

        Assert.Equal(WeComXmlLimits.DefaultMaxCharacters, xml.Length);
        Assert.Equal(xml.Length - head.Length - tail.Length, WeComMessageParser.Parse(xml).Content!.Length);
    }

    [Fact]
    public void An_envelope_without_encrypt_is_missing_a_field()
    {
        var ex = Assert.Throws<WeComXmlException>(() => WeComEnvelopeParser.Parse("<xml><ToUserName>ww1</ToUserName><AgentID>1</AgentID></xml>"));

        Assert.Equal(WeComXmlError.MissingField, ex.Error);
        Assert.Equal("Encrypt", ex.Field);
    }

    [Fact]
    public void Mutated_documents_only_ever_throw_WeComXmlException()
    {
        const string alphabet = "<>/&;![]=\"'?x \u0000\uD800中";
        string seed = "<?xml version=\"1.0\"?><xml><ToUserName><![CDATA[ww1]]></ToUserName><FromUserName><![CDATA[u]]></FromUserName><CreateTime>1</CreateTime>"
            + "<MsgType><![CDATA[event]]></MsgType><Event>LOCATION</Event><Latitude>1.5</Latitude><Scale>3</Scale><Encrypt>QUJD</Encrypt>"
            + "<SelectedItems><SelectedItem a=\"b\"/></SelectedItems><MsgId>9</MsgId></xml>";
        var random = new Random(11);

        for (int i = 0; i < 3000; i++)
        {
            var sb = new StringBuilder(seed);
            for (int edits = random.Next(1, 4); edits > 0 && sb.Length > 0; edits--)
            {
                int at = random.Next(sb.Length);
                switch (random.Next(3))
                {
                    case 0: sb.Remove(at, Math.Min(random.Next(1, 6), sb.Length - at)); break;
                    case 1: sb.Insert(at, alphabet[random.Next(alphabet.Length)]); break;
                    default: sb[at] = alphabet[random.Next(alphabet.Length)]; break;
                }
            }

            string xml = sb.ToString();
            Exception? messageError = Record.Exception(() => WeComMessageParser.Parse(xml));
            Exception? envelopeError = Record.Exception(() => WeComEnvelopeParser.Parse(xml));

            Assert.True(messageError is null or WeComXmlException, $"message parser threw {messageError?.GetType().Name} for: {xml}");
            Assert.True(envelopeError is null or WeComXmlException, $"envelope parser threw {envelopeError?.GetType().Name} for: {xml}");
        }
    }
}
