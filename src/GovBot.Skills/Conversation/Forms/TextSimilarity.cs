namespace GovBot.Skills.Conversation.Forms;

/// <summary>
/// How alike two short Chinese texts are, the measures the matchers share: pairs of adjacent characters (a word of
/// two characters is the unit of meaning more often than one character), their overlap, and the edit distance that
/// tells a typo from another word.
/// </summary>
public static class TextSimilarity
{
    /// <summary>The pairs of adjacent characters of a text; a one-character text is its own pair.</summary>
    public static HashSet<string> Pairs(string s)
    {
        var pairs = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < s.Length; i++) pairs.Add(s.Substring(i, 2));
        if (s.Length == 1) pairs.Add(s);
        return pairs;
    }

    /// <summary>The share of <paramref name="of"/> found in <paramref name="within"/>.</summary>
    public static double Overlap(HashSet<string> of, HashSet<string> within) =>
        of.Count == 0 ? 0 : (double)of.Count(within.Contains) / of.Count;

    /// <summary>Dice coefficient of two sets of pairs: twice what they share over both their sizes.</summary>
    public static double Dice(HashSet<string> a, HashSet<string> b) =>
        a.Count + b.Count == 0 ? 0 : 2.0 * a.Count(b.Contains) / (a.Count + b.Count);

    /// <summary>Dice coefficient of the character pairs of two texts; 0 when either is empty.</summary>
    public static double Dice(string a, string b) => a.Length == 0 || b.Length == 0 ? 0 : Dice(Pairs(a), Pairs(b));

    /// <summary>Levenshtein distance, capped at 2: enough to tell one typo (≤ 1) from a different word.</summary>
    public static int Distance(string a, string b)
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
        return Math.Min(prev[b.Length], 2);
    }
}
