namespace GovBot.Host.WeCom.Xml;

/// <summary>The only exception the WeCom XML parsers throw for bad input.</summary>
/// <remarks>Messages name elements but never quote their content, so they are safe to log.</remarks>
public sealed class WeComXmlException : Exception
{
    public WeComXmlException(WeComXmlError error, string message, string? field = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Error = error;
        Field = field;
    }

    public WeComXmlError Error { get; }

    /// <summary>The element at fault for <see cref="WeComXmlError.MissingField"/> and <see cref="WeComXmlError.InvalidField"/>.</summary>
    public string? Field { get; }
}
