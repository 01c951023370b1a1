using System.Text.RegularExpressions;

namespace GovBot.Skills.Conversation.Forms;

/// <summary>Reads several picks from a numbered list: "1 3", "1、3、5", "理发和维修", "都可以".</summary>
public static partial class MultiChoice
{
    private static readonly string[] AllWords = ["都可以", "都行", "全部", "都愿意", "全都", "都"];

    public static IReadOnlyList<int>? Match(string answer, IReadOnlyList<string> options)
    {
        var text = answer.Trim();
        if (text.Length == 0 || options.Count == 0) return null;
        if (AllWords.Contains(ChoiceMatcher.Normalize(text))) return Enumerable.Range(0, options.Count).ToList();

        var picked = new List<int>();
        foreach (var token in Separators().Split(text))
        {
            if (token.Length == 0) continue;
            if (ChoiceMatcher.Match(token, options) is { } one) { picked.Add(one); continue; }
            // "135" typed without separators, when every digit is an option number.
            if (token.All(char.IsAsciiDigit) && token.All(d => d - '0' >= 1 && d - '0' <= options.Count))
            {
                picked.AddRange(token.Select(d => d - '1'));
                continue;
            }
            // A phrase naming several options: "理发维修".
            var named = options.Select((o, i) => (o, i)).Where(x => token.Contains(x.o, StringComparison.Ordinal)).Select(x => x.i).ToList();
            if (named.Count == 0) return null;
            picked.AddRange(named);
        }
        return picked.Count == 0 ? null : picked.Distinct().Order().ToList();
    }

    [GeneratedRegex(@"(?:还有|以及|[\s,，、;；/和及与跟])+")]
    private static partial Regex Separators();
}
