using System.Text;

namespace GovBot.Skills.Nlu.Classifier;

/// <summary>
/// Toneless pinyin of the common characters (<c>pinyin.txt</c>, from the Unicode Character Database). Residents who
/// dictate get homophones from their phone's speech recognition (消访 for 消防, 电悌 for 电梯, 楼到 for 楼道), and
/// people who type pinyin pick the wrong character of a syllable: both keep the sound, so the classifier reads the
/// sound beside the characters.
/// </summary>
public static class Pinyin
{
    private static readonly Lazy<Dictionary<char, string>> Table = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The syllable of a character, or null for anything that is not a common Chinese character.</summary>
    public static string? Of(char c) => Table.Value.GetValueOrDefault(c);

    /// <summary>
    /// The text as space-separated tokens: a syllable for each Chinese character, any other letter, digit or symbol
    /// as itself, and "|" where the text had a space (a pause in dictation), so that n-grams do not run across it.
    /// </summary>
    public static string Spell(string text)
    {
        var table = Table.Value;
        var output = new StringBuilder(text.Length * 4);
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                output.Append(" |");
                continue;
            }
            output.Append(' ');
            if (table.TryGetValue(c, out var syllable)) output.Append(syllable);
            else output.Append(c);
        }
        return output.ToString().Trim();
    }

    private static Dictionary<char, string> Load()
    {
        var assembly = typeof(Pinyin).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith(".pinyin.txt", StringComparison.Ordinal));
        using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
        var table = new Dictionary<char, string>(7000);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var space = line.IndexOf(' ');
            var syllable = line[..space];
            foreach (var c in line.AsSpan(space + 1)) table[c] = syllable;
        }
        return table;
    }
}
