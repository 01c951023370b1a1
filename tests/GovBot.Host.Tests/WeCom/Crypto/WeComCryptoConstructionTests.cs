using GovBot.Host.WeCom.Crypto;

namespace GovBot.Host.Tests.WeCom.Crypto;

public sealed class WeComCryptoConstructionTests
{
    [Theory]
    [InlineData("")]
    [InlineData("jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2")]
    [InlineData("jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2CC")]
    [InlineData("jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2=")]
    [InlineData("jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B!C")]
    [InlineData("jWmYm7qr5nMoAUwZRjGt中mz3KA1tkAj3ykkR6q2B2C")]
    public void A_bad_encoding_aes_key_fails_at_construction_without_echoing_it(string key)
    {
        var ex = Assert.Throws<WeComCryptoException>(() => new WeComCrypto(WeComSample.Token, key, WeComSample.CorpId));

        Assert.Equal(WeComCryptoError.InvalidAesKey, ex.Error);
        Assert.Contains("EncodingAESKey", ex.Message, StringComparison.Ordinal);
        if (key.Length > 0)
        {
            Assert.DoesNotContain(key, ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_null_encoding_aes_key_is_a_key_error()
    {
        var ex = Assert.Throws<WeComCryptoException>(() => new WeComCrypto(WeComSample.Token, null!, WeComSample.CorpId));

        Assert.Equal(WeComCryptoError.InvalidAesKey, ex.Error);
    }

    [Fact]
    public void The_published_key_decodes_although_its_last_character_carries_unused_bits()
    {
        // 'C' leaves two non-zero bits past the 256th; a strict decoder would refuse the official key.
        using var crypto = new WeComCrypto(WeComSample.Token, WeComSample.EncodingAesKey, WeComSample.CorpId);

        Assert.Equal(WeComSample.CorpId, crypto.ReceiveId);
    }

    [Fact]
    public void Token_and_receive_id_are_required()
    {
        Assert.ThrowsAny<ArgumentException>(() => new WeComCrypto("", WeComSample.EncodingAesKey, WeComSample.CorpId));
        Assert.ThrowsAny<ArgumentException>(() => new WeComCrypto(null!, WeComSample.EncodingAesKey, WeComSample.CorpId));
        Assert.Throws<ArgumentNullException>(() => new WeComCrypto(WeComSample.Token, WeComSample.EncodingAesKey, null!));
    }

    [Fact]
    public void A_disposed_instance_refuses_work()
    {
        var crypto = new WeComCrypto(WeComSample.Token, WeComSample.EncodingAesKey, WeComSample.CorpId);
        crypto.Dispose();

        Assert.Throws<ObjectDisposedException>(() => crypto.Encrypt("x"));
    }
}
