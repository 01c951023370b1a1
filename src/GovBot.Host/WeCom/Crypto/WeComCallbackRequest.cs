namespace GovBot.Host.WeCom.Crypto;

/// <summary>A callback POST as WeCom sends it: the query parameters and the envelope body.</summary>
/// <param name="MsgSignature">The msg_signature query value.</param>
/// <param name="Timestamp">The timestamp query value.</param>
/// <param name="Nonce">The nonce query value.</param>
/// <param name="Body">The envelope XML with ToUserName, Encrypt and AgentID.</param>
public sealed record WeComCallbackRequest(string MsgSignature, string Timestamp, string Nonce, string Body);
