namespace GovBot.Host.WeCom.Xml;

/// <summary>Why a WeCom XML document was rejected.</summary>
public enum WeComXmlError
{
    /// <summary>The input was null or empty.</summary>
    Empty,

    /// <summary>The input is longer than the configured character limit.</summary>
    TooLarge,

    /// <summary>The input carries a DOCTYPE; DTDs are refused outright to rule out XXE and entity expansion.</summary>
    DtdProhibited,

    /// <summary>The input is not well-formed XML.</summary>
    Malformed,

    /// <summary>The document element is not &lt;xml&gt;.</summary>
    MissingRoot,

    /// <summary>A required element is absent or empty.</summary>
    MissingField,

    /// <summary>An element has a value of the wrong shape (a non-numeric CreateTime, say).</summary>
    InvalidField,
}
