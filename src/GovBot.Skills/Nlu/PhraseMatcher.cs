using System.Runtime.InteropServices;

namespace GovBot.Skills.Nlu;

/// <summary>A phrase found in a text: where, and which phrase (its index as added).</summary>
internal readonly record struct PhraseHit(int Start, int Length, int Phrase)
{
    public int End => Start + Length;
}

/// <summary>
/// Finds fixed phrases in short texts. Phrases are indexed by their first character and tried
/// longest first, so a scan costs a dictionary lookup per character rather than a pass per phrase.
/// Overlaps are settled longest-first over the whole text: the more specific phrase wins
/// ("我的预约" over "预约", "吵架" over "吵") wherever it sits.
/// </summary>
internal sealed class PhraseMatcher
{
    private readonly Dictionary<char, (string Text, int Phrase)[]> _byFirst;

    public PhraseMatcher(IReadOnlyList<string> phrases)
    {
        var groups = new Dictionary<char, List<(string, int)>>();
        for (var i = 0; i < phrases.Count; i++)
        {
            var p = phrases[i];
            if (string.IsNullOrEmpty(p))
            {
                continue;
            }

            if (!groups.TryGetValue(p[0], out var list))
            {
                groups[p[0]] = list = [];
            }

            list.Add((p, i));
        }

        _byFirst = new Dictionary<char, (string, int)[]>(groups.Count);
        foreach (var (c, list) in groups)
        {
            list.Sort(static (a, b) => b.Item1.Length.CompareTo(a.Item1.Length));
            _byFirst[c] = [.. list];
        }
    }

    /// <summary>Adds to <paramref name="hits"/> the non-overlapping matches, longest first, in text order.</summary>
    public void FindLongestNonOverlapping(ReadOnlySpan<char> text, List<PhraseHit> hits)
    {
        var first = hits.Count;
        FindAll(text, hits);
        KeepLongestNonOverlapping(hits, first);
    }

    /// <summary>Adds every match, overlapping or not, in text order.</summary>
    public void FindAll(ReadOnlySpan<char> text, List<PhraseHit> hits)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!_byFirst.TryGetValue(text[i], out var candidates))
            {
                continue;
            }

            var rest = text[i..];
            foreach (var (phrase, index) in candidates)
            {
                if (rest.StartsWith(phrase, StringComparison.Ordinal))
                {
                    hits.Add(new PhraseHit(i, phrase.Length, index));
                }
            }
        }
    }

    /// <summary>From <paramref name="first"/> on, keeps the longest hits that do not overlap a longer one, in text order.</summary>
    public static void KeepLongestNonOverlapping(List<PhraseHit> hits, int first = 0)
    {
        var found = hits.Count - first;
        if (found <= 1)
        {
            return;
        }

        // Longest first, then leftmost; keep those that do not overlap an accepted one.
        var span = CollectionsMarshal.AsSpan(hits)[first..];
        span.Sort(static (a, b) => a.Length != b.Length ? b.Length.CompareTo(a.Length) : a.Start.CompareTo(b.Start));
        var kept = 0;
        for (var i = 0; i < span.Length; i++)
        {
            var h = span[i];
            var overlaps = false;
            for (var k = 0; k < kept; k++)
            {
                if (h.Start < span[k].End && span[k].Start < h.End)
                {
                    overlaps = true;
                    break;
                }
            }

            if (!overlaps)
            {
                span[kept++] = h;
            }
        }

        hits.RemoveRange(first + kept, found - kept);
        CollectionsMarshal.AsSpan(hits)[first..].Sort(static (a, b) => a.Start.CompareTo(b.Start));
    }
}
