namespace GovBot.Skills.Nlu;

/// <summary>
/// Folds what phones type into one form. Normalize keeps the length, so an offset in its
/// result is an offset in the user's text; Compact drops what carries no meaning for intents.
/// </summary>
internal static class TextNormalizer
{
    /// <summary>Full-width ASCII to half-width, ideographic space to space, ASCII letters lower-cased; same length as the input.</summary>
    public static string Normalize(string text)
    {
        return string.Create(text.Length, text, static (dst, src) =>
        {
            for (var i = 0; i < src.Length; i++)
            {
                var c = src[i];
                if (c is >= '\uFF01' and <= '\uFF5E')
                {
                    c = (char)(c - 0xFEE0);
                }
                else if (c == '\u3000')
                {
                    c = ' ';
                }

                if (c is >= 'A' and <= 'Z')
                {
                    c = (char)(c + 32);
                }

                dst[i] = c;
            }
        });
    }

    /// <summary>
    /// Letters and digits only (CJK ideographs are letters): spaces, punctuation and emoji go,
    /// so that "算了！！😂" and "算 了" both read "算了" to the intent rules.
    /// </summary>
    public static string Compact(string normalized)
    {
        var keep = 0;
        foreach (var c in normalized)
        {
            if (char.IsLetterOrDigit(c))
            {
                keep++;
            }
        }

        if (keep == normalized.Length)
        {
            return normalized;
        }

        return string.Create(keep, normalized, static (dst, src) =>
        {
            var j = 0;
            foreach (var c in src)
            {
                if (char.IsLetterOrDigit(c))
                {
                    dst[j++] = c;
                }
            }
        });
    }
}
