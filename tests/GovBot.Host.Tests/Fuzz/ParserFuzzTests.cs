using System.Text;
using GovBot.Host.Tests.WeCom;
using GovBot.Host.WeCom.Crypto;
using GovBot.Host.WeCom.Xml;

namespace GovBot.Host.Tests.Fuzz;

/// <summary>
/// The same generated corpus straight into the envelope parser, the crypto and the message parser, many times
/// faster than over HTTP: each layer either answers or throws its own documented exception, nothing else.
/// </summary>
public sealed class ParserFuzzTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Every_layer_refuses_bad_input_with_its_own_exception(int seed)
    {
        using var crypto = new WeComCrypto(WeComSample.Token, WeComSample.EncodingAesKey, WeComSample.CorpId);
        foreach (var fuzz in CallbackCorpus.Build(crypto, seed, perFamily: 400))
        {
            var query = System.Web.HttpUtility.ParseQueryString(fuzz.Query);
            try
            {
                var envelope = WeComEnvelopeParser.Parse(Encoding.UTF8.GetString(fuzz.Body));
                var plain = crypto.DecryptMessage(query["msg_signature"], query["timestamp"], query["nonce"], envelope.Encrypt);
                WeComMessageParser.Parse(plain);
            }
            catch (Exception ex) when (ex is WeComXmlException or WeComCryptoException)
            {
                // The documented refusal of that layer.
            }
        }
    }
}
