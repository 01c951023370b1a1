using System.Text;

namespace GovBot.Skills.Nlu.Classifier;

/// <summary>
/// What the classifiers read instead of the raw message. Names and numbers are open classes: the labelled set
/// can never hold every compound, building and phone number, so each span the extractors found becomes one symbol
/// ("清华苑一期3号楼" and "外贸小区12号楼" read alike), while the words around them stay as typed. A report category or
/// a service named in the text adds its symbol at the end, so a word the gazetteer knows but the labelled set lacks
/// still counts. Digits left over fold to 0, punctuation other than a question mark goes, spaces become one.
/// </summary>
public static class FeatureText
{
    // Private-use characters: never typed, so never confused with text.
    private const char Place = '\uE000', Building = '\uE001', Unit = '\uE002', Room = '\uE003', Phone = '\uE004',
        Ticket = '\uE005', When = '\uE006', Number = '\uE007', Category = '\uE010', Service = '\uE011';

    /// <param name="text">The message as typed.</param>
    /// <param name="entities">What the extractors found in it, in order of their spans.</param>
    public static string Of(string text, IReadOnlyList<EntityMatch> entities, IReadOnlyList<(string Intent, double Score)>? evidence = null)
    {
        var normalized = TextNormalizer.Normalize(text);
        var output = new StringBuilder(normalized.Length + 4);
        var suffix = new StringBuilder(2);
        var at = 0;
        foreach (var e in entities)
        {
            var symbol = SymbolOf(e.Entity);
            if (symbol is Category or Service)
            {
                if (suffix.ToString().IndexOf(symbol) < 0) suffix.Append(symbol);
                continue;
            }
            if (symbol == '\0' || e.Start < at || e.End > normalized.Length) continue;
            Append(output, normalized.AsSpan(at, e.Start - at));
            output.Append(symbol);
            at = e.End;
        }
        Append(output, normalized.AsSpan(at));
        foreach (var concept in ConceptLexicon.Default.Find(normalized))
            suffix.Append((char)(Concept + concept));
        foreach (var (intent, score) in evidence ?? [])
        {
            var index = IndexOf(intent);
            if (index < 0 || score < WeakEvidence) continue;
            suffix.Append((char)(RuleEvidence + index));
            if (score >= StrongEvidence) suffix.Append((char)(StrongRuleEvidence + index));
        }
        var trimmed = output.ToString().Trim();
        return suffix.Length == 0 ? trimmed : trimmed + " " + suffix;
    }

    // The rules' keywords and patterns, as evidence the classifier weighs: one symbol per intent they spoke for, and a
    // second when they spoke strongly. The classifier learns from the labelled set how far to trust each.
    private const char RuleEvidence = '\uE100', StrongRuleEvidence = '\uE140';
    private const double WeakEvidence = 0.5, StrongEvidence = 2.0;

    // One symbol per concept of the lexicon the text mentions (room for 256 concepts).
    private const char Concept = '\uE200';

    private static int IndexOf(string intent)
    {
        for (var i = 0; i < Intents.All.Count; i++)
            if (Intents.All[i] == intent) return i;
        return -1;
    }

    private static char SymbolOf(string entity) => entity switch
    {
        Entities.Compound or Entities.Community => Place,
        Entities.Building => Building,
        Entities.Unit => Unit,
        Entities.Room => Room,
        Entities.Phone => Phone,
        Entities.Ticket => Ticket,
        Entities.DateTime => When,
        Entities.Number => Number,
        Entities.Category => Category,
        Entities.Service => Service,
        _ => '\0',
    };

    private static void Append(StringBuilder text, ReadOnlySpan<char> part)
    {
        foreach (var c in part)
        {
            if (char.IsAsciiDigit(c)) text.Append('0');
            else if (c is '?' or '？') text.Append('?');
            else if (char.IsWhiteSpace(c) || char.IsPunctuation(c))
            {
                if (text.Length > 0 && text[^1] != ' ') text.Append(' ');
            }
            else text.Append(c);
        }
    }
}
