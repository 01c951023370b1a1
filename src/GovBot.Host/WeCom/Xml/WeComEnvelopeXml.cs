using System.Text;

namespace GovBot.Host.WeCom.Xml;

/// <summary>Builds the two encrypted envelopes: the passive-reply body the app returns, and the POST body WeCom sends (for emulators and tests).</summary>
public static class WeComEnvelopeXml
{
    /// <summary>&lt;xml&gt;&lt;Encrypt/&gt;&lt;MsgSignature/&gt;&lt;TimeStamp/&gt;&lt;Nonce/&gt;&lt;/xml&gt;, laid out as the official EncryptMsg produces it.</summary>
    public static string BuildReply(string encrypted, string msgSignature, string timestamp, string nonce)
    {
        ArgumentNullException.ThrowIfNull(encrypted);
        ArgumentNullException.ThrowIfNull(msgSignature);
        ArgumentNullException.ThrowIfNull(timestamp);
        ArgumentNullException.ThrowIfNull(nonce);

        return new StringBuilder(encrypted.Length + 200)
            .Append("<xml>")
            .CDataElement(WeComFieldNames.Encrypt, encrypted)
            .CDataElement(WeComFieldNames.MsgSignature, msgSignature)
            .TextElement(WeComFieldNames.TimeStamp, timestamp)
            .CDataElement(WeComFieldNames.Nonce, nonce)
            .Append("</xml>")
            .ToString();
    }

    /// <summary>&lt;xml&gt;&lt;ToUserName/&gt;&lt;Encrypt/&gt;&lt;AgentID/&gt;&lt;/xml&gt; as in WeCom's published callback sample; AgentID is omitted when null.</summary>
    public static string BuildInbound(string toUserName, string? agentId, string encrypted)
    {
        ArgumentNullException.ThrowIfNull(toUserName);
        ArgumentNullException.ThrowIfNull(encrypted);

        var sb = new StringBuilder(encrypted.Length + 160)
            .Append("<xml>")
            .CDataElement(WeComFieldNames.ToUserName, toUserName)
            .CDataElement(WeComFieldNames.Encrypt, encrypted);
        if (agentId is not null)
        {
            sb.CDataElement(WeComFieldNames.AgentId, agentId);
        }

        return sb.Append("</xml>").ToString();
    }
}
