namespace GovBot.Skills.Nlu.Classifier;

/// <summary>
/// Words grouped by what they are about (<c>concepts.txt</c>: broken, noise, past_report, cancel, human …). The
/// classifier sees one symbol for each concept a message mentions, beside the characters: the labelled messages can
/// never hold every way of saying "it is broken" or "never mind", but the lexicon can hold many more, and a word it
/// knows counts like the words of its concept that the classifier did learn from.
/// </summary>
public sealed class ConceptLexicon
{
    private static readonly Lazy<ConceptLexicon> Embedded = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly PhraseMatcher _matcher;
    private readonly int[][] _conceptsOfPhrase;

    private ConceptLexicon(IReadOnlyList<string> names, PhraseMatcher matcher, int[][] conceptsOfPhrase)
    {
        Names = names;
        _matcher = matcher;
        _conceptsOfPhrase = conceptsOfPhrase;
    }

    public static ConceptLexicon Default => Embedded.Value;

    /// <summary>The concepts, in the order of the file; a concept's symbol is its index.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The indices of the concepts the text mentions, each once, in index order.</summary>
    public IReadOnlyList<int> Find(string normalized)
    {
        var hits = new List<PhraseHit>(8);
        _matcher.FindAll(normalized, hits);
        if (hits.Count == 0) return [];
        var found = new SortedSet<int>();
        foreach (var hit in hits)
            foreach (var concept in _conceptsOfPhrase[hit.Phrase]) found.Add(concept);
        return [.. found];
    }

    /// <summary>Reads the lexicon format: <c>[name] explanation</c>, then space-separated entries until the next name.</summary>
    public static ConceptLexicon Parse(IEnumerable<string> lines)
    {
        var names = new List<string>();
        var owners = new Dictionary<string, SortedSet<int>>(StringComparer.Ordinal);
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            if (line[0] == '[' && line.IndexOf(']') is var close and > 1)
            {
                names.Add(line[1..close].Trim());
                continue;
            }
            if (names.Count == 0) throw new InvalidDataException("The concept lexicon has words before its first [concept].");
            foreach (var word in line.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var folded = TextNormalizer.Normalize(word);
                if (!owners.TryGetValue(folded, out var set)) owners[folded] = set = [];
                set.Add(names.Count - 1);
            }
        }
        var phrases = owners.Keys.ToArray();
        return new ConceptLexicon(names, new PhraseMatcher(phrases), [.. phrases.Select(p => owners[p].ToArray())]);
    }

    private static ConceptLexicon LoadEmbedded()
    {
        var assembly = typeof(ConceptLexicon).Assembly;
        var name = assembly.GetManifestResourceNames().SingleOrDefault(n => n.EndsWith(".concepts.txt", StringComparison.Ordinal));
        if (name is null) return Parse([]);
        using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line) lines.Add(line);
        return Parse(lines);
    }
}
