using System.Text;

namespace GovBot.Host.WeCom.Outbox;

/// <summary>
/// Splits a text over WeCom's per-message byte limit into several messages, at a line break or a sentence's end where
/// one is near: WeCom cuts or refuses longer texts, and a resident should never lose the end of an answer.
/// </summary>
public static class WeComTextSplitter
{
    private const string SentenceEnds = "。！？；!?;…";

    public static IReadOnlyList<string> Split(string text, int maxBytes)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 8);
        var pieces = new List<string>();
        var rest = text;
        while (Encoding.UTF8.GetByteCount(rest) > maxBytes)
        {
            var fit = FittingLength(rest, maxBytes);
            var cut = LastBreak(rest, fit);
            var piece = rest[..cut].TrimEnd();
            if (piece.Length > 0) pieces.Add(piece);
            rest = rest[cut..].TrimStart('\n', '\r', ' ');
        }
        if (rest.Length > 0 || pieces.Count == 0) pieces.Add(rest);
        return pieces;
    }

    /// <summary>The most characters from the start whose UTF-8 fits in <paramref name="maxBytes"/>, never halving a surrogate pair.</summary>
    private static int FittingLength(string text, int maxBytes)
    {
        var bytes = 0;
        var length = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (bytes + rune.Utf8SequenceLength > maxBytes) break;
            bytes += rune.Utf8SequenceLength;
            length += rune.Utf16SequenceLength;
        }
        return length;
    }

    /// <summary>Where to cut within the first <paramref name="fit"/> characters: a line break, else a sentence end, in the last half.</summary>
    private static int LastBreak(string text, int fit)
    {
        // Breaks too early would leave a stub of a message; below half the budget, cutting mid-sentence reads better.
        var floor = fit / 2;
        var line = text.LastIndexOf('\n', fit - 1, fit);
        if (line >= floor) return line + 1;
        for (var i = fit - 1; i >= floor; i--)
            if (SentenceEnds.Contains(text[i]) && !char.IsHighSurrogate(text[i])) return i + 1;
        return fit;
    }
}
