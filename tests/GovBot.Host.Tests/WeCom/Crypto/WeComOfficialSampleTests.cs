using GovBot.Host.WeCom.Crypto;
using GovBot.Host.WeCom.Xml;

namespace GovBot.Host.Tests.WeCom.Crypto;

/// <summary>Our implementation against the vectors WeCom publishes (see <see cref="WeComSample"/> for the source).</summary>
public sealed class WeComOfficialSampleTests : IDisposable
{
    private readonly WeComCrypto _crypto = new(WeComSample.Token, WeComSample.EncodingAesKey, WeComSample.CorpId);

    public void Dispose() => _crypto.Dispose();

    [Fact]
    public void VerifyUrl_accepts_the_published_get_request_and_returns_the_echo_plaintext()
    {
        string echo = _crypto.VerifyUrl(WeComSample.VerifyMsgSignature, WeComSample.VerifyTimestamp, WeComSample.VerifyNonce, WeComSample.VerifyEchoStr);

        Assert.Equal(WeComSample.VerifyEchoPlaintext, echo);
    }

    [Fact]
    public void Sign_reproduces_both_published_signatures()
    {
        Assert.Equal(WeComSample.VerifyMsgSignature, _crypto.Sign(WeComSample.VerifyTimestamp, WeComSample.VerifyNonce, WeComSample.VerifyEchoStr));
        Assert.Equal(WeComSample.PostMsgSignature, _crypto.Sign(WeComSample.PostTimestamp, WeComSample.PostNonce, WeComSample.PostEncrypt));
    }

    [Fact]
    public void DecryptMessage_opens_the_published_post_to_the_published_plaintext()
    {
        string xml = _crypto.DecryptMessage(WeComSample.PostMsgSignature, WeComSample.PostTimestamp, WeComSample.PostNonce, WeComSample.PostEncrypt);

        Assert.Equal(WeComSample.PostPlaintext, xml);
    }

    [Fact]
    public void The_published_post_body_parses_decrypts_and_reads_end_to_end()
    {
        WeComEnvelope envelope = WeComEnvelopeParser.Parse(WeComSample.PostBody);
        string xml = _crypto.DecryptMessage(WeComSample.PostMsgSignature, WeComSample.PostTimestamp, WeComSample.PostNonce, envelope.Encrypt);
        WeComInboundMessage message = WeComMessageParser.Parse(xml);

        Assert.Equal(WeComSample.CorpId, envelope.ToUserName);
        Assert.Equal("218", envelope.AgentId);
        Assert.Equal(WeComSample.CorpId, message.ToUserName);
        Assert.Equal("mycreate", message.FromUserName);
        Assert.Equal(1409659813L, message.CreateTime);
        Assert.Equal(WeComMsgTypes.Text, message.MsgType);
        Assert.Equal("hello", message.Content);
        Assert.Equal("4561255354251345929", message.MsgId);
        Assert.Equal("218", message.AgentId);
    }

    [Fact]
    public void The_published_reply_plaintext_round_trips_through_an_encrypted_reply()
    {
        string envelopeXml = _crypto.EncryptReply(WeComSample.ReplyPlaintext, WeComSample.PostTimestamp, WeComSample.PostNonce);
        ReplyEnvelope reply = ReplyEnvelope.Parse(envelopeXml);

        Assert.Equal(WeComSample.PostTimestamp, reply.TimeStamp);
        Assert.Equal(WeComSample.PostNonce, reply.Nonce);
        Assert.Equal(WeComSample.ReplyPlaintext, _crypto.DecryptMessage(reply.MsgSignature, reply.TimeStamp, reply.Nonce, reply.Encrypt));
    }

    [Fact]
    public void A_different_token_rejects_the_published_vectors()
    {
        using var other = new WeComCrypto("wrongToken", WeComSample.EncodingAesKey, WeComSample.CorpId);

        var ex = Assert.Throws<WeComCryptoException>(() =>
            other.VerifyUrl(WeComSample.VerifyMsgSignature, WeComSample.VerifyTimestamp, WeComSample.VerifyNonce, WeComSample.VerifyEchoStr));

        Assert.Equal(WeComCryptoError.InvalidSignature, ex.Error);
    }

    [Fact]
    public void A_different_corp_id_rejects_the_published_message()
    {
        using var other = new WeComCrypto(WeComSample.Token, WeComSample.EncodingAesKey, "ww0000000000000000");

        var ex = Assert.Throws<WeComCryptoException>(() =>
            other.DecryptMessage(WeComSample.PostMsgSignature, WeComSample.PostTimestamp, WeComSample.PostNonce, WeComSample.PostEncrypt));

        Assert.Equal(WeComCryptoError.ReceiveIdMismatch, ex.Error);
    }
}
