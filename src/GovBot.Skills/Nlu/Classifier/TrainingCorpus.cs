namespace GovBot.Skills.Nlu.Classifier;

/// <summary>One labelled message: what was typed, its intent, and for a report the category it was tagged with.</summary>
public sealed record LabelledMessage(string Text, string Intent, string? Category);

/// <summary>
/// The labelled messages the classifiers learn from: one text file per intent (<c>report_problem.txt</c>), one
/// message per line, <c>#</c> comments, and an optional <c>[类别]</c> tag in front of a report. The embedded set is
/// <c>Nlu/Training</c> of this assembly; the held-out set of the tests has the same format.
/// </summary>
public static class TrainingCorpus
{
    private static readonly Lazy<IReadOnlyList<LabelledMessage>> Embedded = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The messages shipped in this assembly.</summary>
    public static IReadOnlyList<LabelledMessage> Default => Embedded.Value;

    /// <summary>Reads every <c>&lt;intent&gt;.txt</c> of a folder.</summary>
    public static IReadOnlyList<LabelledMessage> FromFolder(string folder) =>
        [.. Directory.GetFiles(folder, "*.txt").Order(StringComparer.Ordinal)
            .SelectMany(path => Parse(Path.GetFileNameWithoutExtension(path), File.ReadLines(path)))];

    /// <summary>The lines of one intent's file; throws on an intent the bot does not know.</summary>
    public static IEnumerable<LabelledMessage> Parse(string intent, IEnumerable<string> lines)
    {
        if (!Intents.All.Contains(intent)) throw new InvalidDataException($"Labelled messages for unknown intent '{intent}'.");
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            string? category = null;
            if (line[0] == '[' && line.IndexOf(']') is var close and > 1)
            {
                category = line[1..close].Trim();
                line = line[(close + 1)..].Trim();
            }
            if (line.Length > 0) yield return new LabelledMessage(line, intent, category);
        }
    }

    private static IReadOnlyList<LabelledMessage> LoadEmbedded()
    {
        var assembly = typeof(TrainingCorpus).Assembly;
        const string folder = ".Nlu.Training.";
        var messages = new List<LabelledMessage>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.Contains(folder, StringComparison.Ordinal) && n.EndsWith(".txt", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var intent = name[(name.IndexOf(folder, StringComparison.Ordinal) + folder.Length)..^4];
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            messages.AddRange(Parse(intent, ReadLines(reader)));
        }
        if (messages.Count == 0) throw new InvalidOperationException("No labelled messages are embedded; is Nlu/Training/*.txt still an EmbeddedResource?");
        return messages;
    }

    private static IEnumerable<string> ReadLines(StreamReader reader)
    {
        while (reader.ReadLine() is { } line) yield return line;
    }
}
