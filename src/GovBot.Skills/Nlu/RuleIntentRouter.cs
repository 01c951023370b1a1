using System.Runtime.InteropServices;
using GovBot.Skills.Nlu.Extraction;

namespace GovBot.Skills.Nlu;

/// <summary>
/// Classifies short, colloquial Chinese messages without a language model, and extracts entities.
/// Intent evidence (keywords, patterns, entity boosts) lives in <c>intents.rules.json</c>; see
/// <see cref="IntentRuleSet"/>. Thread-safe and allocation-light, meant to run on every message.
/// </summary>
public sealed class RuleIntentRouter : IIntentRouter
{
    /// <summary>The value of <see cref="NluResult.Router"/> for results from this router.</summary>
    public const string RouterName = "rules";

    public bool AnswersAtOnce => true;

    private readonly IEntityExtractor[] _extractors;
    private readonly IGazetteer _gazetteer;
    private readonly int _serviceBookIntent;

    /// <param name="gazetteer">Places, categories and services to recognise.</param>
    /// <param name="timeProvider">Source of "now" for dates; the system clock when null.</param>
    /// <param name="rules">Rules to use; the embedded <see cref="IntentRuleSet.Default"/> when null.</param>
    public RuleIntentRouter(IGazetteer gazetteer, TimeProvider? timeProvider = null, IntentRuleSet? rules = null)
    {
        _gazetteer = gazetteer;
        Rules = rules ?? IntentRuleSet.Default;
        _serviceBookIntent = Array.IndexOf(Rules.IntentNames, Intents.BookService);

        // Order is priority: where two spans overlap, the earlier extractor's wins.
        _extractors =
        [
            new PhoneExtractor(),
            new TicketExtractor(Rules.TicketPattern),
            new PlaceExtractor(gazetteer),
            new AddressExtractor(),
            new DateTimeExtractor(timeProvider ?? TimeProvider.System),
            new ServiceExtractor(gazetteer),
            new CategoryExtractor(gazetteer),
            new NumberExtractor(),
        ];
    }

    public IntentRuleSet Rules { get; }

    public Task<NluResult> ParseAsync(string text, CancellationToken ct = default) => Task.FromResult(Parse(text));

    /// <summary>Synchronous form of <see cref="ParseAsync"/>: the rules never wait on anything.</summary>
    public NluResult Parse(string text) => Read(text, null);

    private NluResult Read(string text, double[]? scoresOut)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new NluResult(new IntentMatch(Intents.Other, 1.0), [], RouterName);
        }

        var input = new NluText(text);
        var entities = ExtractEntities(input);
        Span<double> scores = stackalloc double[Rules.IntentNames.Length];
        Score(input, entities, scores);
        if (scoresOut is not null) scores.CopyTo(scoresOut);
        var intent = Decide(scores);

        if (intent.Name == Intents.BookService && _serviceBookIntent >= 0)
        {
            AddServiceHint(input, entities);
        }

        return new NluResult(intent, entities, RouterName);
    }

    /// <summary>The entities of a text, without deciding its intent (the trained router's features need them).</summary>
    public IReadOnlyList<EntityMatch> FindEntities(string text) =>
        string.IsNullOrWhiteSpace(text) ? [] : ExtractEntities(new NluText(text));

    /// <summary>
    /// The rules' reading and whether it is certain: the whole message is one of the keywords (a command such as
    /// 「我的上报」「取消」「菜单」, give or take a particle), a ticket number with a few words around it, or a bare number
    /// (the answer to a numbered list). Everything else is for the trained classifier to judge.
    /// </summary>
    public RuleVerdict Judge(string text)
    {
        var scores = new double[Rules.IntentNames.Length];
        var result = Read(text, scores);
        var evidence = new List<(string, double)>(2);
        for (var i = 0; i < scores.Length; i++)
            if (scores[i] > 0 && Rules.IntentNames[i] != Intents.Other) evidence.Add((Rules.IntentNames[i], scores[i]));
        if (CertainIntent(text) is { } decided && decided != result.Intent.Name)
            result = result with { Intent = new IntentMatch(decided, 1.0) };
        return new RuleVerdict(result, IsCertain(text, result), evidence);
    }

    private string? CertainIntent(string text)
    {
        if (Rules.CertainPatterns.Length == 0 || string.IsNullOrWhiteSpace(text)) return null;
        var compact = TextNormalizer.Compact(TextNormalizer.Normalize(text));
        foreach (var (regex, intent) in Rules.CertainPatterns)
            if (IsMatch(regex, compact)) return intent;
        return null;
    }

    private bool IsCertain(string text, NluResult result)
    {
        if (string.IsNullOrWhiteSpace(text)) return true;
        var compact = TextNormalizer.Compact(TextNormalizer.Normalize(text)).TrimEnd(Particles);
        if (compact.Length == 0) return false;
        if (result.Find(Entities.Number) is not null) return true;
        if (CertainIntent(text) == result.Intent.Name) return true;
        if (Rules.KeywordIndex(compact) is { } keyword && keyword.Weight >= CommandWeight
            && Rules.IntentNames[keyword.Intent] == result.Intent.Name)
            return true;
        var ticket = result.Entities.FirstOrDefault(e => e.Entity == Entities.Ticket);
        return ticket is not null && compact.Length - (ticket.End - ticket.Start) <= TicketContext && result.Intent.Name != Intents.Other;
    }

    /// <summary>A keyword this strong, said on its own, is a command.</summary>
    private const double CommandWeight = 1.5;

    /// <summary>「查进度 S1001」「S1001咋样了」: this many characters around a ticket still make a plain lookup.</summary>
    private const int TicketContext = 6;

    private static readonly char[] Particles = ['吧', '啊', '呀', '了', '哈', '呢', '嘛', '哦', '喔', '啦'];

    /// <summary>All intents with their raw scores, best first: for tests and tuning, not for routing.</summary>
    internal IReadOnlyList<(string Intent, double Score)> Explain(string text)
    {
        var input = new NluText(text ?? "");
        var entities = ExtractEntities(input);
        var scores = new double[Rules.IntentNames.Length];
        Score(input, entities, scores);
        return Rules.IntentNames.Select((n, i) => (n, scores[i])).OrderByDescending(x => x.Item2).ToArray();
    }

    private List<EntityMatch> ExtractEntities(in NluText input)
    {
        var found = new List<EntityMatch>(8);
        foreach (var extractor in _extractors)
        {
            extractor.Extract(input, found);
        }

        if (found.Count <= 1)
        {
            return found;
        }

        // Keep the first of overlapping spans (extractor priority, then the extractor's own order).
        var span = CollectionsMarshal.AsSpan(found);
        var kept = 0;
        for (var i = 0; i < span.Length; i++)
        {
            var e = span[i];
            if (!Overlaps(span[..kept], e.Start, e.End))
            {
                span[kept++] = e;
            }
        }

        found.RemoveRange(kept, found.Count - kept);
        found.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End.CompareTo(b.End));
        return found;
    }

    private static bool Overlaps(ReadOnlySpan<EntityMatch> accepted, int start, int end)
    {
        foreach (var a in accepted)
        {
            if (start < a.End && a.Start < end)
            {
                return true;
            }
        }

        return false;
    }

    private void Score(in NluText input, List<EntityMatch> entities, Span<double> scores)
    {
        var rules = Rules;
        var compact = TextNormalizer.Compact(input.Normalized);
        if (compact.Length > 0)
        {
            var hits = new List<PhraseHit>(8);
            rules.KeywordMatcher.FindLongestNonOverlapping(compact, hits);
            for (var i = 0; i < hits.Count; i++)
            {
                var phrase = hits[i].Phrase;
                // A keyword repeated ("算了算了") counts once.
                var repeated = false;
                for (var k = 0; k < i; k++)
                {
                    if (hits[k].Phrase == phrase)
                    {
                        repeated = true;
                        break;
                    }
                }

                if (!repeated)
                {
                    var (intent, weight) = rules.Keywords[phrase];
                    scores[intent] += weight;
                }
            }

            foreach (var (regex, intent, weight) in rules.Patterns)
            {
                if (IsMatch(regex, compact))
                {
                    scores[intent] += weight;
                }
            }
        }

        // Each kind of entity boosts once, however often it occurs.
        for (var i = 0; i < entities.Count; i++)
        {
            var name = entities[i].Entity;
            var first = true;
            for (var k = 0; k < i; k++)
            {
                if (entities[k].Entity == name)
                {
                    first = false;
                    break;
                }
            }

            if (first && rules.EntityBoosts.TryGetValue(name, out var boosts))
            {
                foreach (var (intent, weight) in boosts)
                {
                    scores[intent] += weight;
                }
            }
        }
    }

    private static bool IsMatch(System.Text.RegularExpressions.Regex regex, string text)
    {
        try
        {
            return regex.IsMatch(text);
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            // A runaway pattern costs its evidence, not the user's message.
            return false;
        }
    }

    private IntentMatch Decide(ReadOnlySpan<double> scores)
    {
        var rules = Rules;
        int best = -1, second = -1;
        for (var i = 0; i < scores.Length; i++)
        {
            if (best < 0 || scores[i] > scores[best])
            {
                second = best;
                best = i;
            }
            else if (second < 0 || scores[i] > scores[second])
            {
                second = i;
            }
        }

        var top = best >= 0 ? scores[best] : 0;
        if (top <= 0)
        {
            return new IntentMatch(Intents.Other, 1.0);
        }

        var runnerUp = second >= 0 ? Math.Max(scores[second], 0) : 0;
        var confidence = (1 - Math.Exp(-top / rules.Saturation)) * (1 - rules.MarginPenalty * runnerUp / top);
        confidence = Math.Round(Math.Clamp(confidence, 0, 1), 3);
        var name = rules.IntentNames[best];
        if (name == Intents.Other)
        {
            return new IntentMatch(Intents.Other, confidence);
        }

        // Too little evidence: say so rather than guess; the host may ask an LLM or show the menu.
        return confidence < rules.Threshold
            ? new IntentMatch(Intents.Other, Math.Round(1 - confidence, 3))
            : new IntentMatch(name, confidence);
    }

    /// <summary>"能检查下电动车吗": a booking that names the thing, not the service; map the thing to the service.</summary>
    private void AddServiceHint(in NluText input, List<EntityMatch> entities)
    {
        foreach (var e in entities)
        {
            if (e.Entity == Entities.Service)
            {
                return;
            }
        }

        var hits = new List<PhraseHit>(2);
        Rules.ServiceHintMatcher.FindLongestNonOverlapping(input.Normalized, hits);
        foreach (var hit in hits)
        {
            var service = Rules.ServiceHintTargets[hit.Phrase];
            if (!KnownService(service) || Overlaps(CollectionsMarshal.AsSpan(entities), hit.Start, hit.End))
            {
                continue;
            }

            entities.Add(new EntityMatch(Entities.Service, service, hit.Start, hit.End));
            entities.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End.CompareTo(b.End));
            return;
        }
    }

    private bool KnownService(string name)
    {
        foreach (var s in _gazetteer.Services)
        {
            if (s.Name == name)
            {
                return true;
            }
        }

        return false;
    }
}

/// <param name="Result">What the rules make of the message.</param>
/// <param name="Certain">Whether the rules are sure enough to decide without the trained classifier.</param>
/// <param name="Evidence">Each intent the keywords and patterns spoke for, with its score: a feature for the classifier.</param>
public sealed record RuleVerdict(NluResult Result, bool Certain, IReadOnlyList<(string Intent, double Score)> Evidence);
