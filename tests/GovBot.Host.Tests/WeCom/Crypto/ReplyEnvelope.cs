using System.Xml.Linq;

namespace GovBot.Host.Tests.WeCom.Crypto;

/// <summary>Reads a passive-reply envelope with an independent parser (LINQ to XML), as WeCom's side would.</summary>
internal sealed record ReplyEnvelope(string Encrypt, string MsgSignature, string TimeStamp, string Nonce)
{
    public static ReplyEnvelope Parse(string xml)
    {
        XElement root = XElement.Parse(xml);
        Assert.Equal("xml", root.Name.LocalName);
        Assert.Equal(["Encrypt", "MsgSignature", "TimeStamp", "Nonce"], root.Elements().Select(e => e.Name.LocalName));
        return new ReplyEnvelope(
            (string)root.Element("Encrypt")!,
            (string)root.Element("MsgSignature")!,
            (string)root.Element("TimeStamp")!,
            (string)root.Element("Nonce")!);
    }
}
