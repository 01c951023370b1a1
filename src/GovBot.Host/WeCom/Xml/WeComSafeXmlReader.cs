using System.Globalization;
using System.Xml;

namespace GovBot.Host.WeCom.Xml;

/// <summary>Runs a field reader over a WeCom document with hardened settings and folds every failure into <see cref="WeComXmlException"/>.</summary>
internal static class WeComSafeXmlReader
{
    internal const string RootName = "xml";

    private static readonly XmlReaderSettings DefaultSettings = CreateSettings(WeComXmlLimits.DefaultMaxCharacters);

    /// <summary>Opens <paramref name="xml"/>, checks the &lt;xml&gt; root, hands the reader (on the root start tag) to <paramref name="readRoot"/>, then insists the rest of the document is well-formed too.</summary>
    internal static T Read<T>(string? xml, int maxCharacters, Func<XmlReader, T> readRoot)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCharacters);
        if (string.IsNullOrEmpty(xml))
        {
            throw new WeComXmlException(WeComXmlError.Empty, "The XML document is empty.");
        }

        // Checked up front so an oversized body costs one comparison, not a partial parse.
        if (xml.Length > maxCharacters)
        {
            throw new WeComXmlException(
                WeComXmlError.TooLarge,
                $"The XML document is {xml.Length} characters, over the {maxCharacters}-character limit.");
        }

        bool insideRoot = false;
        try
        {
            XmlReaderSettings settings = maxCharacters == WeComXmlLimits.DefaultMaxCharacters ? DefaultSettings : CreateSettings(maxCharacters);
            using var stringReader = new StringReader(xml);
            using var reader = XmlReader.Create(stringReader, settings);

            if (reader.MoveToContent() != XmlNodeType.Element || reader.LocalName != RootName)
            {
                throw new WeComXmlException(WeComXmlError.MissingRoot, $"The document element must be <{RootName}>.");
            }

            insideRoot = true;
            T result = readRoot(reader);
            while (reader.Read())
            {
            }

            return result;
        }
        catch (XmlException ex)
        {
            // A DOCTYPE can only precede the root, so one inside it (say, in a citizen's CDATA text) is never misreported as a DTD.
            bool dtd = !insideRoot && xml.Contains("<!DOCTYPE", StringComparison.OrdinalIgnoreCase);
            throw dtd
                ? new WeComXmlException(WeComXmlError.DtdProhibited, "DTDs are not allowed in WeCom XML.", innerException: ex)
                : new WeComXmlException(
                    WeComXmlError.Malformed,
                    string.Create(CultureInfo.InvariantCulture, $"The XML is not well-formed (line {ex.LineNumber}, position {ex.LinePosition})."),
                    innerException: ex);
        }
    }

    /// <summary>Visits each direct child element of the root; <paramref name="readField"/> must consume the element it is handed.</summary>
    internal static void ForEachField<TState>(XmlReader reader, TState state, Action<XmlReader, TState> readField)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return;
        }

        reader.Read();
        while (true)
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    readField(reader, state);
                    break;
                case XmlNodeType.EndElement:
                    reader.Read();
                    return;
                case XmlNodeType.None:
                    return;
                default:
                    // Stray text between fields carries nothing WeCom defines.
                    reader.Read();
                    break;
            }
        }
    }

    private static XmlReaderSettings CreateSettings(int maxCharacters) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = maxCharacters,
        // 0 would mean "unlimited" to XmlReader; with DTDs prohibited no entity can expand anyway, so this is a second lock.
        MaxCharactersFromEntities = WeComXmlLimits.MaxCharactersFromEntities,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CloseInput = true,
    };
}
