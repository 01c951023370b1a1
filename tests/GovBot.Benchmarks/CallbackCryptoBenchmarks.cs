using BenchmarkDotNet.Attributes;
using GovBot.Host.WeCom.Crypto;
using GovBot.Host.WeCom.Xml;

namespace GovBot.Benchmarks;

/// <summary>
/// The bare protocol cost of one callback, without the store or the conversation: parse the envelope,
/// verify the signature and decrypt, parse the message, then encrypt and sign a passive reply. The load
/// tool's per-message figures sit beside these, so the overhead of everything else is visible.
/// </summary>
[MemoryDiagnoser]
public class CallbackCryptoBenchmarks
{
    // WeCom's published sample values (developer docs, 加解密方案说明).
    private const string Token = "QDG6eK", AesKey = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C", CorpId = "wx5823bf96d3bd56c7";
    private const string Ts = "1409659813", Nonce = "1372623149";

    private WeComCrypto _crypto = null!;
    private WeComCallbackRequest _request = null!;
    private string _encrypted = null!;
    private string _reply = null!;

    [GlobalSetup]
    public void Setup()
    {
        _crypto = new WeComCrypto(Token, AesKey, CorpId);
        var message = WeComInboundXml.Text(CorpId, "zhangli", 1_790_000_000, "3号楼有人从窗户拉电线给电动车充电", "7000000001", "1000002");
        _request = _crypto.EncryptInbound(message, CorpId, "1000002", Ts, Nonce);
        _encrypted = WeComEnvelopeParser.Parse(_request.Body).Encrypt;
        _reply = WeComReplyXml.Text("zhangli", CorpId, 1_790_000_001, "要上报的问题：\n问题：3号楼有人从窗户拉电线给电动车充电\n类别：飞线充电\n没问题请回复「是」。");
    }

    [GlobalCleanup]
    public void Cleanup() => _crypto.Dispose();

    [Benchmark]
    public string VerifyAndDecrypt() => _crypto.DecryptMessage(_request.MsgSignature, Ts, Nonce, _encrypted);

    [Benchmark]
    public string EncryptReply() => _crypto.EncryptReply(_reply, Ts, Nonce);

    /// <summary>Everything the callback does to the bytes of one message and its passive answer.</summary>
    [Benchmark(Baseline = true)]
    public string WholeCallback()
    {
        var envelope = WeComEnvelopeParser.Parse(_request.Body);
        var plain = _crypto.DecryptMessage(_request.MsgSignature, Ts, Nonce, envelope.Encrypt);
        var message = WeComMessageParser.Parse(plain);
        return _crypto.EncryptReply(WeComReplyXml.Text(message.FromUserName, CorpId, message.CreateTime, "收到"), Ts, Nonce);
    }
}
