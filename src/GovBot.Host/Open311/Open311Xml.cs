using System.Text;
using System.Text.Json;
using System.Xml;

namespace GovBot.Host.Open311;

/// <summary>
/// Writes the XML form of an answer from its JSON form, the reverse of the Spark convention the spec uses to
/// derive JSON from XML: objects become elements, a plural list holds singular items (services/service,
/// service_requests/request), null becomes an empty element. One source of field names serves both formats.
/// </summary>
internal static class Open311Xml
{
    private static readonly Dictionary<string, string> ItemNames = new(StringComparer.Ordinal)
    {
        ["services"] = "service",
        ["service_requests"] = "request",
        ["errors"] = "error",
        ["attributes"] = "attribute",
        ["values"] = "value",
    };

    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
    };

    public static byte[] Write(JsonElement value, string rootName)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, Settings))
        {
            // Declares encoding="utf-8", as the spec requires before the root element.
            writer.WriteStartDocument();
            WriteElement(writer, rootName, value);
            writer.WriteEndDocument();
        }
        return stream.ToArray();
    }

    private static void WriteElement(XmlWriter writer, string name, JsonElement value)
    {
        writer.WriteStartElement(name);
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject()) WriteElement(writer, property.Name, property.Value);
                break;
            case JsonValueKind.Array:
                var item = ItemNames.GetValueOrDefault(name, "item");
                foreach (var element in value.EnumerateArray()) WriteElement(writer, item, element);
                break;
            case JsonValueKind.String:
                writer.WriteString(XmlSafe(value.GetString()!));
                break;
            case JsonValueKind.Number:
                writer.WriteRaw(value.GetRawText());
                break;
            case JsonValueKind.True:
                writer.WriteString("true");
                break;
            case JsonValueKind.False:
                writer.WriteString("false");
                break;
        }
        writer.WriteEndElement();
    }

    /// <summary>Residents' text may hold control characters that XML 1.0 cannot carry at all; they are dropped rather than failing the answer.</summary>
    private static string XmlSafe(string text)
    {
        if (text.All(XmlConvert.IsXmlChar)) return text;
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i])) sb.Append(text[i]);
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                sb.Append(text, i, 2);
                i++;
            }
        }
        return sb.ToString();
    }
}
