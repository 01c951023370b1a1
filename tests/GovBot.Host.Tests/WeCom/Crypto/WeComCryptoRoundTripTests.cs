using System.Buffers.Binary;
using System.Text;
using GovBot.Host.WeCom.Crypto;

namespace GovBot.Host.Tests.WeCom.Crypto;

public sealed class WeComCryptoRoundTripTests : IDisposable
{
    private const string Timestamp = "1718000000";
    private const string Nonce = "5xZ31q";

    private readonly WeComCrypto _crypto = new(WeComSample.Token, WeComSample.EncodingAesKey, WeComSample.CorpId);

    public void Dispose() => _crypto.Dispose();

    public static TheoryData<string> Messages()
    {
        // The CorpID is 18 bytes, so 20 + 18 + 26 = 64: a 26-byte message needs a full 32-byte pad block.
        return new TheoryData<string>
        {
            "",
            "a",
            new string('x', 26),
            new string('y', 32),
            new string('z', 64),
            new string('w', 25),
            new string('v', 27),
            "临汾市尧都区：楼道灯坏了，麻烦社区派人修一下",
            "👍🏽 收到 🙏",
            "<xml><Content><![CDATA[nested]]></Content></xml>",
            "line1\r\nline2\ttab",
            new string('长', 5000),
        };
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void Encrypt_sign_verify_decrypt_returns_the_original(string message)
    {
        string encrypted = _crypto.Encrypt(message);
        string signature = _crypto.Sign(Timestamp, Nonce, encrypted);

        Assert.Equal(message, _crypto.DecryptMessage(signature, Timestamp, Nonce, encrypted));
        Assert.Equal(message, _crypto.VerifyUrl(signature, Timestamp, Nonce, encrypted));
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void Cipher_text_is_padded_to_32_bytes_with_a_pad_value_of_1_to_32(string message)
    {
        byte[] plain = RawSealer.Open(_crypto.Encrypt(message));
        int unpadded = 20 + Encoding.UTF8.GetByteCount(message) + WeComSample.CorpId.Length;
        int pad = plain[^1];

        Assert.Equal(0, plain.Length % 32);
        Assert.InRange(pad, 1, 32);
        Assert.Equal(32 - (unpadded % 32), pad);
        Assert.All(plain[^pad..], b => Assert.Equal(pad, b));
        Assert.Equal(Encoding.UTF8.GetByteCount(message), (int)BinaryPrimitives.ReadUInt32BigEndian(plain.AsSpan(16, 4)));
        Assert.Equal(WeComSample.CorpId, Encoding.UTF8.GetString(plain.AsSpan(unpadded - WeComSample.CorpId.Length, WeComSample.CorpId.Length)));
    }

    [Fact]
    public void A_message_that_fills_whole_blocks_gets_a_full_block_of_padding()
    {
        byte[] plain = RawSealer.Open(_crypto.Encrypt(new string('x', 26)));

        Assert.Equal(96, plain.Length);
        Assert.Equal(32, plain[^1]);
    }

    [Fact]
    public void Random_messages_round_trip()
    {
        var random = new Random(20240611);
        for (int i = 0; i < 300; i++)
        {
            string message = RandomText(random, random.Next(0, 700));
            string encrypted = _crypto.Encrypt(message);
            string signature = _crypto.Sign(Timestamp, Nonce, encrypted);

            Assert.Equal(message, _crypto.DecryptMessage(signature, Timestamp, Nonce, encrypted));
        }
    }

    [Fact]
    public void Encrypting_twice_gives_different_cipher_texts()
    {
        Assert.NotEqual(_crypto.Encrypt("同一条消息"), _crypto.Encrypt("同一条消息"));
    }

    [Fact]
    public void Signature_is_lowercase_hex_and_accepted_in_upper_case()
    {
        string encrypted = _crypto.Encrypt("hi");
        string signature = _crypto.Sign(Timestamp, Nonce, encrypted);

        Assert.Matches("^[0-9a-f]{40}$", signature);
        Assert.Equal("hi", _crypto.DecryptMessage(signature.ToUpperInvariant(), Timestamp, Nonce, encrypted));
    }

    [Fact]
    public void Concurrent_callers_share_one_instance_safely()
    {
        string[] failures = Enumerable.Range(0, 2000)
            .AsParallel()
            .WithDegreeOfParallelism(8)
            .Select(i =>
            {
                string message = $"消息 {i} " + new string('x', i % 97);
                string encrypted = _crypto.Encrypt(message);
                string decrypted = _crypto.DecryptMessage(_crypto.Sign(Timestamp, Nonce, encrypted), Timestamp, Nonce, encrypted);
                return decrypted == message ? null : message;
            })
            .Where(failure => failure is not null)
            .ToArray()!;

        Assert.Empty(failures);
    }

    [Fact]
    public void Inbound_request_emulation_yields_what_the_endpoint_decrypts()
    {
        const string message = "<xml><FromUserName><![CDATA[zhangsan]]></FromUserName></xml>";

        WeComCallbackRequest request = _crypto.EncryptInbound(message, WeComSample.CorpId, "1000002", Timestamp, Nonce);
        var envelope = GovBot.Host.WeCom.Xml.WeComEnvelopeParser.Parse(request.Body);

        Assert.Equal(Timestamp, request.Timestamp);
        Assert.Equal(Nonce, request.Nonce);
        Assert.Equal(WeComSample.CorpId, envelope.ToUserName);
        Assert.Equal("1000002", envelope.AgentId);
        Assert.Equal(message, _crypto.DecryptMessage(request.MsgSignature, request.Timestamp, request.Nonce, envelope.Encrypt));
    }

    [Fact]
    public void An_empty_receive_id_is_sealed_and_checked_like_any_other()
    {
        using var bot = new WeComCrypto(WeComSample.Token, WeComSample.EncodingAesKey, "");
        string encrypted = bot.Encrypt("{}");

        Assert.Equal("{}", bot.DecryptMessage(bot.Sign(Timestamp, Nonce, encrypted), Timestamp, Nonce, encrypted));
        Assert.Equal(
            WeComCryptoError.ReceiveIdMismatch,
            Assert.Throws<WeComCryptoException>(() => _crypto.DecryptMessage(_crypto.Sign(Timestamp, Nonce, encrypted), Timestamp, Nonce, encrypted)).Error);
    }

    private static string RandomText(Random random, int length)
    {
        var sb = new StringBuilder(length);
        while (sb.Length < length)
        {
            switch (random.Next(4))
            {
                case 0: sb.Append((char)random.Next(0x20, 0x7F)); break;
                case 1: sb.Append((char)random.Next(0x4E00, 0x9FA6)); break;
                case 2: sb.Append(char.ConvertFromUtf32(random.Next(0x1F300, 0x1FAFF))); break;
                default: sb.Append((char)random.Next(0x80, 0x800)); break;
            }
        }

        return sb.ToString();
    }
}
