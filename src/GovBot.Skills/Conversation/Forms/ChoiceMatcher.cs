namespace GovBot.Skills.Conversation.Forms;

/// <summary>Understands an answer to a numbered list: "2", "二", "第二个", the words of an option, or a near miss.</summary>
public static class ChoiceMatcher
{
    private static readonly string Digits = "零一二三四五六七八九十";

    public static int? Match(string answer, IReadOnlyList<string> options)
    {
        var text = Normalize(answer);
        if (text.Length == 0 || options.Count == 0) return null;

        if (ParseOrdinal(text) is { } n && n >= 1 && n <= options.Count) return n - 1;

        var normalized = options.Select(Normalize).ToList();
        var exact = normalized.IndexOf(text);
        if (exact >= 0) return exact;

        // "清华苑" for "清华苑一期", or "我住清华苑一期" for the option itself: accept only when one option fits.
        var within = Unique(normalized, o => o.Contains(text, StringComparison.Ordinal) && text.Length >= 2);
        if (within is not null) return within;
        var containing = Unique(normalized, o => o.Length >= 2 && text.Contains(o, StringComparison.Ordinal));
        if (containing is not null) return containing;

        // One wrong or missing character, a typical phone typo, still counts when it is unambiguous.
        return text.Length >= 3 ? Unique(normalized, o => Distance(o, text) <= 1) : null;
    }

    private static int? Unique(List<string> options, Func<string, bool> fits)
    {
        int? found = null;
        for (var i = 0; i < options.Count; i++)
        {
            if (!fits(options[i])) continue;
            if (found is not null) return null;
            found = i;
        }
        return found;
    }

    private static int? ParseOrdinal(string text)
    {
        var t = text.TrimStart('第').TrimEnd('个', '项', '条', '号');
        if (int.TryParse(t, out var n)) return n;
        if (t.Length == 1 && Digits.IndexOf(t[0]) is var d and > 0) return d;
        if (t.Length == 2 && t[0] == '十' && Digits.IndexOf(t[1]) is var u and > 0 and < 10) return 10 + u;
        return null;
    }

    internal static string Normalize(string s)
    {
        Span<char> buffer = stackalloc char[Math.Min(s.Length, 256)];
        var n = 0;
        foreach (var c in s.AsSpan(0, Math.Min(s.Length, 256)))
        {
            // Full-width digits and letters come from Chinese keyboards.
            var ch = c is >= '０' and <= '９' or >= 'Ａ' and <= 'ｚ' ? (char)(c - 0xFEE0) : c;
            if (char.IsWhiteSpace(ch) || char.IsPunctuation(ch) || char.IsSymbol(ch)) continue;
            buffer[n++] = char.ToLowerInvariant(ch);
        }
        return new string(buffer[..n]);
    }

    private static int Distance(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1) return 2;
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) prev[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= b.Length; j++)
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }
}
