using System.Text;
using GovBot.Host.Tests.WeCom;
using GovBot.Host.Tests.WeCom.Crypto;
using GovBot.Host.WeCom.Crypto;
using GovBot.Host.WeCom.Xml;

namespace GovBot.Host.Tests.Fuzz;

/// <summary>One hostile or broken POST to the callback: query string and raw body bytes.</summary>
public sealed record FuzzCase(string Family, string Query, byte[] Body)
{
    public override string ToString() => $"{Family} ({Body.Length} bytes)";
}

/// <summary>
/// A generated, reproducible corpus of malformed callbacks: random bytes, truncated and deeply nested XML,
/// huge fields, bad UTF-8, DTDs and entity bombs, and validly signed envelopes whose encrypted payload is
/// broken in every layer (base64, padding, length field, receive id, inner XML). A fixed seed makes a failure
/// repeatable; the family and index say which input it was.
/// </summary>
public static class CallbackCorpus
{
    private const string Nonce = "515151";

    // Now, so that signed cases reach the layers under the signature instead of all failing the freshness check.
    private static readonly string Ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static IReadOnlyList<FuzzCase> Build(WeComCrypto crypto, int seed, int perFamily)
    {
        var random = new Random(seed);
        var message = WeComInboundXml.Text(WeComSample.CorpId, "fuzz-user", 1_790_000_400, "你好", "7100000001", "1000002");
        var cases = new List<FuzzCase>();
        for (var i = 0; i < perFamily; i++)
        {
            cases.Add(new("random bytes", RandomQuery(random), Bytes(random, random.Next(0, 4096))));
            cases.Add(new("random text", RandomQuery(random), Encoding.UTF8.GetBytes(RandomText(random, random.Next(0, 2048)))));
            cases.Add(Truncated(random, crypto, message));
            cases.Add(Nested(random, crypto));
            cases.Add(HugeField(random, crypto));
            cases.Add(BadUtf8(random, crypto, message));
            cases.Add(Dtd(random, crypto, message));
            cases.Add(FlippedCiphertext(random, crypto, message));
            cases.Add(BadPadding(random, crypto, message));
            cases.Add(LyingLength(random, crypto, message));
            cases.Add(GarbageInside(random, crypto));
            cases.Add(MangledInnerXml(random, crypto, message));
        }
        return cases;
    }

    private static string Signed(WeComCrypto crypto, string encrypted) =>
        $"msg_signature={crypto.Sign(Ts, Nonce, encrypted)}&timestamp={Ts}&nonce={Nonce}";

    private static string Envelope(string encrypted) =>
        $"<xml><ToUserName><![CDATA[{WeComSample.CorpId}]]></ToUserName><Encrypt><![CDATA[{encrypted}]]></Encrypt><AgentID>1000002</AgentID></xml>";

    private static FuzzCase Sealed(string family, WeComCrypto crypto, string encrypted) =>
        new(family, Signed(crypto, encrypted), Encoding.UTF8.GetBytes(Envelope(encrypted)));

    private static FuzzCase Truncated(Random random, WeComCrypto crypto, string message)
    {
        var encrypted = crypto.Encrypt(message);
        var whole = Envelope(encrypted);
        return new("truncated envelope", Signed(crypto, encrypted), Encoding.UTF8.GetBytes(whole[..random.Next(0, whole.Length)]));
    }

    private static FuzzCase Nested(Random random, WeComCrypto crypto)
    {
        var depth = random.Next(50, 5000);
        var xml = new StringBuilder("<xml>");
        for (var i = 0; i < depth; i++) xml.Append("<a>");
        xml.Append("<Encrypt>x</Encrypt>");
        for (var i = 0; i < depth; i++) xml.Append("</a>");
        return new("nested XML", Signed(crypto, "x"), Encoding.UTF8.GetBytes(xml.Append("</xml>").ToString()));
    }

    private static FuzzCase HugeField(Random random, WeComCrypto crypto)
    {
        var field = new string((char)('A' + random.Next(26)), random.Next(10_000, 60_000));
        return random.Next(2) == 0
            ? new("huge field", Signed(crypto, field), Encoding.UTF8.GetBytes(Envelope(field)))
            : new("huge field", $"msg_signature={field[..Math.Min(field.Length, 4000)]}&timestamp={Ts}&nonce={Nonce}",
                Encoding.UTF8.GetBytes($"<xml><ToUserName>{field}</ToUserName><Encrypt>x</Encrypt></xml>"));
    }

    private static FuzzCase BadUtf8(Random random, WeComCrypto crypto, string message)
    {
        var body = Encoding.UTF8.GetBytes(Envelope(crypto.Encrypt(message))).ToList();
        for (var i = 0; i < random.Next(1, 8); i++)
            body.Insert(random.Next(body.Count), (byte)random.Next(0x80, 0x100));
        return new("bad UTF-8", Signed(crypto, "x"), [.. body]);
    }

    private static FuzzCase Dtd(Random random, WeComCrypto crypto, string message)
    {
        string[] dtds =
        [
            "<!DOCTYPE xml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>",
            "<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>",
            "<!DOCTYPE xml SYSTEM \"http://127.0.0.1:1/evil.dtd\">",
        ];
        var dtd = dtds[random.Next(dtds.Length)];
        if (random.Next(2) == 0)
        {
            var encrypted = crypto.Encrypt(message);
            return new("DTD in envelope", Signed(crypto, encrypted), Encoding.UTF8.GetBytes(dtd + Envelope(encrypted)));
        }
        return Sealed("DTD inside", crypto, crypto.Encrypt(dtd + message.Replace("你好", "&lol2;&x;")));
    }

    private static FuzzCase FlippedCiphertext(Random random, WeComCrypto crypto, string message)
    {
        var raw = Convert.FromBase64String(crypto.Encrypt(message));
        raw[random.Next(raw.Length)] ^= (byte)random.Next(1, 256);
        return Sealed("flipped ciphertext", crypto, Convert.ToBase64String(raw));
    }

    private static FuzzCase BadPadding(Random random, WeComCrypto crypto, string message)
    {
        var bytes = Encoding.UTF8.GetBytes(message);
        var plain = RawSealer.Layout((uint)bytes.Length, bytes, WeComSample.CorpId);
        var pad = 32 - plain.Length % 32;
        var padValue = (byte)random.Next(0, 256);
        if (padValue == pad) padValue = 0;
        return Sealed("bad padding", crypto, RawSealer.Seal(RawSealer.Padded(plain, pad, padValue)));
    }

    private static FuzzCase LyingLength(Random random, WeComCrypto crypto, string message)
    {
        var bytes = Encoding.UTF8.GetBytes(message);
        var lie = random.Next(3) switch
        {
            0 => uint.MaxValue - (uint)random.Next(1000),
            1 => (uint)random.Next(0, bytes.Length),
            _ => (uint)(bytes.Length + random.Next(1, 200)),
        };
        return Sealed("lying length", crypto, RawSealer.Seal(RawSealer.Padded(RawSealer.Layout(lie, bytes, WeComSample.CorpId))));
    }

    private static FuzzCase GarbageInside(Random random, WeComCrypto crypto) =>
        Sealed("garbage inside", crypto, crypto.Encrypt(RandomText(random, random.Next(0, 3000))));

    private static FuzzCase MangledInnerXml(Random random, WeComCrypto crypto, string message)
    {
        var chars = message.ToCharArray().ToList();
        for (var i = 0; i < random.Next(1, 6); i++)
        {
            var at = random.Next(chars.Count);
            switch (random.Next(3))
            {
                case 0: chars.RemoveAt(at); break;
                case 1: chars.Insert(at, "<>&\"'/]![".AsSpan()[random.Next(9)]); break;
                default: chars[at] = (char)random.Next(0x20, 0x3000); break;
            }
        }
        return Sealed("mangled inner XML", crypto, crypto.Encrypt(new string([.. chars])));
    }

    private static string RandomQuery(Random random) => random.Next(3) switch
    {
        0 => "",
        1 => $"msg_signature={RandomText(random, 40)}&timestamp={random.Next()}&nonce={random.Next()}",
        _ => "msg_signature=&timestamp=&nonce=&" + Uri.EscapeDataString(RandomText(random, 30)) + "=1",
    };

    private static byte[] Bytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static string RandomText(Random random, int length)
    {
        const string alphabet = "<>/=\"'&;![]CDATAxmlEncryptToUserName0123456789abc 你好\n\t";
        var text = new char[length];
        for (var i = 0; i < length; i++) text[i] = alphabet[random.Next(alphabet.Length)];
        return new string(text);
    }
}
