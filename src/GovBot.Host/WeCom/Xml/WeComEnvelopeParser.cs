using System.Xml;

namespace GovBot.Host.WeCom.Xml;

/// <summary>Reads the encrypted POST body: &lt;xml&gt;&lt;ToUserName/&gt;&lt;Encrypt/&gt;&lt;AgentID/&gt;&lt;/xml&gt;.</summary>
public static class WeComEnvelopeParser
{
    /// <exception cref="WeComXmlException">Malformed, oversized, DTD-bearing input, or no &lt;Encrypt&gt;.</exception>
    public static WeComEnvelope Parse(string? xml, int maxCharacters = WeComXmlLimits.DefaultMaxCharacters) =>
        WeComSafeXmlReader.Read(xml, maxCharacters, static reader =>
        {
            var fields = new Fields();
            WeComSafeXmlReader.ForEachField(reader, fields, static (r, f) =>
            {
                switch (r.LocalName)
                {
                    case WeComFieldNames.Encrypt: f.Encrypt = r.ReadElementContentAsString(); break;
                    case WeComFieldNames.ToUserName: f.ToUserName = r.ReadElementContentAsString(); break;
                    case WeComFieldNames.AgentId: f.AgentId = r.ReadElementContentAsString(); break;
                    default: r.Skip(); break;
                }
            });

            if (string.IsNullOrEmpty(fields.Encrypt))
            {
                throw new WeComXmlException(WeComXmlError.MissingField, $"The envelope has no <{WeComFieldNames.Encrypt}>.", WeComFieldNames.Encrypt);
            }

            return new WeComEnvelope(fields.Encrypt, fields.ToUserName, fields.AgentId);
        });

    private sealed class Fields
    {
        public string? Encrypt;
        public string? ToUserName;
        public string? AgentId;
    }
}
