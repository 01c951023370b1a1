using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;

namespace GovBot.Host.WeCom.Xml;

/// <summary>
/// Makes a decrypted callback well-formed when a resident's text carried characters XML 1.0 forbids (a vertical tab
/// pasted from a document, a NUL, U+FFFF, or the same written as a character reference). WeCom sends them as they
/// were typed; refusing the callback would make WeCom retry and then drop the message.
/// </summary>
public static partial class WeComXmlCleaner
{
    public static string Clean(string xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        if (IndexOfForbidden(xml) < 0 && !xml.Contains("&#", StringComparison.Ordinal)) return xml;

        var sb = new StringBuilder(xml.Length);
        for (var i = 0; i < xml.Length; i++)
        {
            var c = xml[i];
            if (char.IsHighSurrogate(c) && i + 1 < xml.Length && char.IsLowSurrogate(xml[i + 1]))
            {
                sb.Append(c).Append(xml[++i]);
                continue;
            }
            if (char.IsSurrogate(c) || !XmlConvert.IsXmlChar(c))
            {
                // Line-like breaks from copied documents keep the lines apart; the rest carries nothing readable.
                if (c is '\v' or '\f') sb.Append('\n');
                continue;
            }
            sb.Append(c);
        }
        return CharacterReference().Replace(sb.ToString(), CleanReference);
    }

    private static string CleanReference(Match m)
    {
        var digits = m.Groups["hex"].Success ? m.Groups["hex"].Value : m.Groups["dec"].Value;
        var style = m.Groups["hex"].Success ? NumberStyles.AllowHexSpecifier : NumberStyles.None;
        if (!int.TryParse(digits, style, CultureInfo.InvariantCulture, out var code)) return "";
        if (IsAllowed(code)) return m.Value;
        return code is 0xB or 0xC ? "&#10;" : "";
    }

    private static bool IsAllowed(int code) =>
        code is 0x9 or 0xA or 0xD or >= 0x20 and <= 0xD7FF or >= 0xE000 and <= 0xFFFD or >= 0x10000 and <= 0x10FFFF;

    private static int IndexOfForbidden(string xml)
    {
        for (var i = 0; i < xml.Length; i++)
        {
            var c = xml[i];
            if (char.IsHighSurrogate(c) && i + 1 < xml.Length && char.IsLowSurrogate(xml[i + 1]))
            {
                i++;
                continue;
            }
            if (char.IsSurrogate(c) || !XmlConvert.IsXmlChar(c)) return i;
        }
        return -1;
    }

    // Digits capped so an absurd reference cannot overflow; anything longer is not a character XML could name.
    [GeneratedRegex("&#(?:x(?<hex>[0-9A-Fa-f]{1,8})|(?<dec>[0-9]{1,10}));")]
    private static partial Regex CharacterReference();
}
