using System.Text.Encodings.Web;

namespace GovBot.Host.WeCom.Api;

/// <summary>
/// Escapes only what JSON demands (quote, backslash, control characters). The built-in encoders
/// escape at least characters outside the basic plane (emoji) as \uXXXX pairs, which WeCom refuses.
/// </summary>
public sealed class WeComJsonEncoder : JavaScriptEncoder
{
    public static WeComJsonEncoder Instance { get; } = new();

    private WeComJsonEncoder() { }

    public override int MaxOutputCharactersPerInputCharacter => 6; // \u001F

    public override bool WillEncode(int unicodeScalar) =>
        unicodeScalar < 0x20 || unicodeScalar == '"' || unicodeScalar == '\\';

    public override unsafe int FindFirstCharacterToEncode(char* text, int textLength)
    {
        for (var i = 0; i < textLength; i++)
            if (WillEncode(text[i])) return i;
        return -1;
    }

    public override int FindFirstCharacterToEncodeUtf8(ReadOnlySpan<byte> utf8Text)
    {
        // Bytes of multi-byte UTF-8 sequences are all >= 0x80, so a byte-wise scan is exact.
        for (var i = 0; i < utf8Text.Length; i++)
            if (WillEncode(utf8Text[i])) return i;
        return -1;
    }

    public override unsafe bool TryEncodeUnicodeScalar(int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten)
    {
        var escaped = unicodeScalar switch
        {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            '\b' => "\\b",
            '\f' => "\\f",
            < 0x20 => $"\\u{unicodeScalar:X4}",
            _ => char.ConvertFromUtf32(unicodeScalar),
        };
        if (escaped.Length > bufferLength)
        {
            numberOfCharactersWritten = 0;
            return false;
        }
        for (var i = 0; i < escaped.Length; i++) buffer[i] = escaped[i];
        numberOfCharactersWritten = escaped.Length;
        return true;
    }
}
