using System.Globalization;
using System.Text;
using System.Xml;

namespace GovBot.Host.WeCom.Xml;

/// <summary>Writes WeCom's few flat element shapes by hand: an XmlWriter per reply costs more than the envelope itself, and hand-writing keeps the exact layout of WeCom's samples.</summary>
internal static class XmlText
{
    private const string CDataEnd = "]]>";

    // Closing the section after "]]" and reopening before ">" is the standard way to carry "]]>" through CDATA.
    private const string CDataEndSplit = "]]]]><![CDATA[>";

    internal static StringBuilder CDataElement(this StringBuilder sb, string name, string value)
    {
        sb.Append('<').Append(name).Append("><![CDATA[");
        AppendCDataContent(sb, value);
        return sb.Append("]]></").Append(name).Append('>');
    }

    internal static StringBuilder TextElement(this StringBuilder sb, string name, string value)
    {
        sb.Append('<').Append(name).Append('>');
        AppendEscaped(sb, value);
        return sb.Append("</").Append(name).Append('>');
    }

    internal static StringBuilder NumberElement(this StringBuilder sb, string name, long value) =>
        sb.Append('<').Append(name).Append('>').Append(value.ToString(CultureInfo.InvariantCulture)).Append("</").Append(name).Append('>');

    internal static StringBuilder NumberElement(this StringBuilder sb, string name, double value) =>
        sb.Append('<').Append(name).Append('>').Append(value.ToString("R", CultureInfo.InvariantCulture)).Append("</").Append(name).Append('>');

    private static void AppendCDataContent(StringBuilder sb, string value)
    {
        string clean = WithoutInvalidXmlChars(value);
        sb.Append(clean.Contains(CDataEnd, StringComparison.Ordinal) ? clean.Replace(CDataEnd, CDataEndSplit, StringComparison.Ordinal) : clean);
    }

    private static void AppendEscaped(StringBuilder sb, string value)
    {
        foreach (char c in WithoutInvalidXmlChars(value))
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                default: sb.Append(c); break;
            }
        }
    }

    /// <summary>Drops characters XML 1.0 cannot carry at all (control characters, lone surrogates); WeCom would reject the whole reply over one of them.</summary>
    internal static string WithoutInvalidXmlChars(string value)
    {
        int firstInvalid = IndexOfInvalid(value, 0);
        if (firstInvalid < 0)
        {
            return value;
        }

        var sb = new StringBuilder(value.Length);
        int start = 0;
        while (firstInvalid >= 0)
        {
            sb.Append(value, start, firstInvalid - start);
            start = firstInvalid + 1;
            firstInvalid = IndexOfInvalid(value, start);
        }

        return sb.Append(value, start, value.Length - start).ToString();
    }

    private static int IndexOfInvalid(string value, int start)
    {
        for (int i = start; i < value.Length; i++)
        {
            char c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c) || !XmlConvert.IsXmlChar(c))
            {
                return i;
            }
        }

        return -1;
    }
}
