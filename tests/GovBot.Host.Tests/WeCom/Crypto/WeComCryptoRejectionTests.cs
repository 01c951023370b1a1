using System.Text;
using GovBot.Host.WeCom.Crypto;

namespace GovBot.Host.Tests.WeCom.Crypto;

/// <summary>Each kind of bad callback input maps to its own <see cref="WeComCryptoError"/>, and nothing but <see cref="WeComCryptoException"/> escapes.</summary>
public sealed class WeComCryptoRejectionTests : IDisposable
{
    private const string Timestamp = "1718000000";
    private const string Nonce = "n0nce";

    private readonly WeComCrypto _crypto = new(WeComSample.Token, WeComSample.EncodingAesKey, WeComSample.CorpId);

    public void Dispose() => _crypto.Dispose();

    [Fact]
    public void A_flipped_signature_digit_is_rejected()
    {
        char[] signature = WeComSample.PostMsgSignature.ToCharArray();
        signature[^1] = signature[^1] == '0' ? '1' : '0';

        AssertRejected(WeComCryptoError.InvalidSignature, new string(signature), WeComSample.PostTimestamp, WeComSample.PostNonce, WeComSample.PostEncrypt);
    }

    [Theory]
    [InlineData("5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd")]
    [InlineData("5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3a")]
    [InlineData("zz45ff5e21c57e6ad56bac8758b79b1d9ac89fd3")]
    [InlineData("not a signature")]
    public void A_signature_that_is_not_40_hex_digits_is_rejected(string signature) =>
        AssertRejected(WeComCryptoError.InvalidSignature, signature, WeComSample.VerifyTimestamp, WeComSample.VerifyNonce, WeComSample.VerifyEchoStr);

    [Fact]
    public void A_replayed_signature_with_another_timestamp_or_nonce_is_rejected()
    {
        AssertRejected(WeComCryptoError.InvalidSignature, WeComSample.PostMsgSignature, "1409659814", WeComSample.PostNonce, WeComSample.PostEncrypt);
        AssertRejected(WeComCryptoError.InvalidSignature, WeComSample.PostMsgSignature, WeComSample.PostTimestamp, "1372623148", WeComSample.PostEncrypt);
    }

    [Fact]
    public void A_tampered_cipher_text_fails_the_signature_before_it_is_decrypted()
    {
        string tampered = "A" + WeComSample.PostEncrypt[1..];

        AssertRejected(WeComCryptoError.InvalidSignature, WeComSample.PostMsgSignature, WeComSample.PostTimestamp, WeComSample.PostNonce, tampered);
    }

    [Theory]
    [InlineData(null, "1", "n", "e")]
    [InlineData("s", null, "n", "e")]
    [InlineData("s", "1", "", "e")]
    [InlineData("s", "1", "n", null)]
    [InlineData("", "1", "n", "e")]
    public void Missing_parameters_are_rejected(string? signature, string? timestamp, string? nonce, string? encrypted) =>
        AssertRejected(WeComCryptoError.MissingParameter, signature!, timestamp!, nonce!, encrypted!);

    [Theory]
    [InlineData("!!!not-base64!!!")]
    [InlineData("QUJD*")]
    [InlineData("QUJDRA=")]
    [InlineData("====")]
    public void Cipher_text_that_is_not_base64_is_rejected(string encrypted) => AssertSignedRejected(WeComCryptoError.InvalidBase64, encrypted);

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(15)]
    [InlineData(17)]
    public void A_truncated_cipher_text_is_rejected(int bytesCut)
    {
        byte[] cipher = Convert.FromBase64String(_crypto.Encrypt("truncate me"));

        AssertSignedRejected(WeComCryptoError.InvalidCipherLength, Convert.ToBase64String(cipher[..^bytesCut]));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(33)]
    [InlineData(200)]
    [InlineData(255)]
    public void A_pad_value_outside_1_to_32_is_rejected(byte padValue)
    {
        byte[] plain = RawSealer.Layout(2, "hi"u8.ToArray(), WeComSample.CorpId);
        byte[] padded = RawSealer.Padded(plain);
        padded[^1] = padValue;

        AssertSignedRejected(WeComCryptoError.InvalidPadding, RawSealer.Seal(padded));
    }

    [Fact]
    public void Pad_bytes_that_disagree_with_the_pad_value_are_rejected()
    {
        byte[] padded = RawSealer.Padded(RawSealer.Layout(2, "hi"u8.ToArray(), WeComSample.CorpId));
        Assert.True(padded[^1] > 2);
        padded[^2] ^= 0x01;

        AssertSignedRejected(WeComCryptoError.InvalidPadding, RawSealer.Seal(padded));
    }

    [Fact]
    public void A_pad_value_longer_than_the_text_is_rejected()
    {
        byte[] block = new byte[16];
        block[^1] = 20;

        AssertSignedRejected(WeComCryptoError.InvalidPadding, RawSealer.Seal(block));
    }

    [Theory]
    [InlineData(3u)]
    [InlineData(10_000u)]
    [InlineData(0x7FFF_FFFFu)]
    [InlineData(0x8000_0000u)]
    [InlineData(0xFFFF_FFFFu)]
    public void A_length_field_pointing_past_the_end_is_rejected(uint extra)
    {
        byte[] message = "hello"u8.ToArray();
        uint available = (uint)(message.Length + WeComSample.CorpId.Length);
        uint lengthField = extra <= 10_000 ? available + extra : extra;

        AssertSignedRejected(WeComCryptoError.InvalidLength, RawSealer.Seal(RawSealer.Padded(RawSealer.Layout(lengthField, message, WeComSample.CorpId))));
    }

    [Fact]
    public void Text_shorter_than_the_header_is_rejected()
    {
        // 16 bytes of AES input whose padding strips all but 4 bytes: no room for random(16) + length(4).
        byte[] block = new byte[16];
        block.AsSpan(4).Fill(12);

        AssertSignedRejected(WeComCryptoError.InvalidLength, RawSealer.Seal(block));
    }

    [Fact]
    public void A_message_sealed_for_another_corp_is_rejected()
    {
        byte[] plain = RawSealer.Layout(5, "hello"u8.ToArray(), "wwOtherCorp0000000");

        AssertSignedRejected(WeComCryptoError.ReceiveIdMismatch, RawSealer.Seal(RawSealer.Padded(plain)));
    }

    [Fact]
    public void A_message_shorter_than_it_claims_leaves_a_receive_id_that_does_not_match()
    {
        byte[] plain = RawSealer.Layout(3, "hello"u8.ToArray(), WeComSample.CorpId);

        AssertSignedRejected(WeComCryptoError.ReceiveIdMismatch, RawSealer.Seal(RawSealer.Padded(plain)));
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFE })]
    [InlineData(new byte[] { 0xC3 })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
    [InlineData(new byte[] { 0xE4, 0xB8 })]
    public void Message_bytes_that_are_not_utf8_are_rejected(byte[] message)
    {
        byte[] plain = RawSealer.Layout((uint)message.Length, message, WeComSample.CorpId);

        AssertSignedRejected(WeComCryptoError.InvalidUtf8, RawSealer.Seal(RawSealer.Padded(plain)));
    }

    [Fact]
    public void A_cipher_text_from_another_key_never_opens()
    {
        using var stranger = new WeComCrypto(WeComSample.Token, "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG", WeComSample.CorpId);
        for (int i = 0; i < 50; i++)
        {
            string encrypted = stranger.Encrypt($"message {i}");

            Assert.Throws<WeComCryptoException>(() => _crypto.DecryptMessage(_crypto.Sign(Timestamp, Nonce, encrypted), Timestamp, Nonce, encrypted));
        }
    }

    [Fact]
    public void Random_signed_garbage_only_ever_throws_WeComCryptoException()
    {
        var random = new Random(7);
        for (int i = 0; i < 2000; i++)
        {
            string encrypted = i % 3 == 0 ? RandomBase64(random) : RandomText(random);
            string signature = _crypto.Sign(Timestamp, Nonce, encrypted);

            Exception? ex = Record.Exception(() => _crypto.DecryptMessage(signature, Timestamp, Nonce, encrypted));

            Assert.True(ex is WeComCryptoException, $"input #{i} threw {ex?.GetType().Name ?? "nothing"}");
        }
    }

    [Fact]
    public void Rejections_do_not_poison_the_instance()
    {
        AssertSignedRejected(WeComCryptoError.InvalidPadding, RawSealer.Seal(new byte[32]));
        string encrypted = _crypto.Encrypt("still fine");

        Assert.Equal("still fine", _crypto.DecryptMessage(_crypto.Sign(Timestamp, Nonce, encrypted), Timestamp, Nonce, encrypted));
    }

    private void AssertSignedRejected(WeComCryptoError expected, string encrypted) =>
        AssertRejected(expected, _crypto.Sign(Timestamp, Nonce, encrypted), Timestamp, Nonce, encrypted);

    private void AssertRejected(WeComCryptoError expected, string signature, string timestamp, string nonce, string encrypted)
    {
        var decrypt = Assert.Throws<WeComCryptoException>(() => _crypto.DecryptMessage(signature, timestamp, nonce, encrypted));
        var verify = Assert.Throws<WeComCryptoException>(() => _crypto.VerifyUrl(signature, timestamp, nonce, encrypted));

        Assert.Equal(expected, decrypt.Error);
        Assert.Equal(expected, verify.Error);
    }

    private static string RandomBase64(Random random)
    {
        byte[] bytes = new byte[random.Next(0, 8) * 16 + (random.Next(4) == 0 ? random.Next(1, 16) : 0)];
        random.NextBytes(bytes);
        return bytes.Length == 0 ? "AA==" : Convert.ToBase64String(bytes);
    }

    private static string RandomText(Random random)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/= \n-_*中";
        var sb = new StringBuilder();
        int length = random.Next(1, 120);
        for (int i = 0; i < length; i++)
        {
            sb.Append(alphabet[random.Next(alphabet.Length)]);
        }

        return sb.ToString();
    }
}
