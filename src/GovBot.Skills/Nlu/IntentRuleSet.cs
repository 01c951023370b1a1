using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace GovBot.Skills.Nlu;

/// <summary>
/// The compiled form of <c>intents.rules.json</c>: keyword table, regexes and weights. Built once and
/// shared (it is immutable); <see cref="Default"/> is the embedded file. The file's own header explains
/// the scoring.
/// </summary>
public sealed class IntentRuleSet
{
    private static readonly Lazy<IntentRuleSet> LazyDefault = new(() =>
    {
        using var stream = RuleResources.Open("intents.rules.json");
        return Load(stream);
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly HashSet<string> KnownEntities =
    [
        Entities.Compound, Entities.Community, Entities.Building, Entities.Unit, Entities.Room, Entities.Category,
        Entities.Phone, Entities.DateTime, Entities.Service, Entities.Ticket, Entities.Number,
    ];

    /// <summary>
    /// Guards against a badly written pattern in the data; generous because a compiled regex's first run
    /// includes its JIT, and the machine is shared.
    /// </summary>
    internal static readonly TimeSpan PatternTimeout = TimeSpan.FromSeconds(1);

    private IntentRuleSet()
    {
    }

    /// <summary>The rules embedded in this assembly.</summary>
    public static IntentRuleSet Default => LazyDefault.Value;

    /// <summary>Below this confidence the router answers <see cref="Intents.Other"/>.</summary>
    public double Threshold { get; private init; }

    /// <summary>Score at which confidence reaches 1 - 1/e.</summary>
    public double Saturation { get; private init; }

    /// <summary>How much a close runner-up lowers confidence (0: not at all).</summary>
    public double MarginPenalty { get; private init; }

    /// <summary>Ticket numbers, as printed by the reports skill; matched on lower-cased text.</summary>
    public Regex TicketPattern { get; private init; } = null!;

    /// <summary>Intents in the order of the file; ties go to the earlier one.</summary>
    internal string[] IntentNames { get; private init; } = [];

    internal PhraseMatcher KeywordMatcher { get; private init; } = null!;

    internal (int Intent, double Weight)[] Keywords { get; private init; } = [];

    internal (Regex Regex, int Intent, double Weight)[] Patterns { get; private init; } = [];

    private Dictionary<string, int> KeywordByPhrase { get; init; } = [];

    /// <summary>The keyword that is exactly this compacted text, if any.</summary>
    internal (int Intent, double Weight)? KeywordIndex(string compact) =>
        KeywordByPhrase.TryGetValue(compact, out var i) ? Keywords[i] : null;

    /// <summary>Entity name → (intent, weight) pairs.</summary>
    internal Dictionary<string, (int Intent, double Weight)[]> EntityBoosts { get; private init; } = [];

    /// <summary>Patterns that decide an intent on their own (see the file's "certain" section).</summary>
    internal (Regex Regex, string Intent)[] CertainPatterns { get; private init; } = [];

    internal PhraseMatcher ServiceHintMatcher { get; private init; } = null!;

    internal string[] ServiceHintTargets { get; private init; } = [];

    /// <summary>Reads and compiles a rules file; throws with the offending name when it refers to an unknown intent or entity.</summary>
    public static IntentRuleSet Load(Stream json)
    {
        var file = JsonSerializer.Deserialize<RulesFile>(json, RuleResources.JsonOptions)
            ?? throw new InvalidDataException("Intent rules file is empty.");
        if (file.Intents is null || file.Intents.Count == 0)
        {
            throw new InvalidDataException("Intent rules file defines no intents.");
        }

        var names = file.Intents.Keys.ToArray();
        foreach (var name in names)
        {
            if (!Intents.All.Contains(name))
            {
                throw new InvalidDataException($"Intent rules name an unknown intent '{name}'.");
            }
        }

        int IntentIndex(string name) =>
            Array.IndexOf(names, name) is var i and >= 0 ? i : throw new InvalidDataException($"Intent rules refer to undefined intent '{name}'.");

        const RegexOptions options = RegexOptions.Compiled | RegexOptions.CultureInvariant;
        var phrases = new List<string>();
        var owner = new Dictionary<string, string>(StringComparer.Ordinal);
        var keywords = new List<(int, double)>();
        var patterns = new List<(Regex, int, double)>();
        for (var i = 0; i < names.Length; i++)
        {
            var rules = file.Intents[names[i]];
            foreach (var (phrase, weight) in rules.Keywords ?? [])
            {
                // Keywords are matched against compacted text; fold them the same way so a rule author can write "Hi" or "ＯＫ".
                var folded = TextNormalizer.Compact(TextNormalizer.Normalize(phrase));
                // The same phrase under two intents would silently count for only one of them (equal hits overlap).
                if (!owner.TryAdd(folded, names[i]))
                {
                    throw new InvalidDataException($"Keyword '{phrase}' is listed under both '{owner[folded]}' and '{names[i]}'.");
                }

                phrases.Add(folded);
                keywords.Add((i, weight));
            }

            foreach (var (pattern, weight) in rules.Patterns ?? [])
            {
                patterns.Add((new Regex(pattern, options, PatternTimeout), i, weight));
            }
        }

        var boosts = new Dictionary<string, (int, double)[]>(StringComparer.Ordinal);
        foreach (var (entity, perIntent) in file.EntityBoosts ?? [])
        {
            if (!KnownEntities.Contains(entity))
            {
                throw new InvalidDataException($"Intent rules boost an unknown entity '{entity}'.");
            }

            boosts[entity] = perIntent.Select(kv => (IntentIndex(kv.Key), kv.Value)).ToArray();
        }

        var certain = new List<(Regex, string)>();
        foreach (var (intent, list) in file.Certain ?? [])
        {
            IntentIndex(intent);
            certain.AddRange(list.Select(pattern => (new Regex(pattern, options, PatternTimeout), intent)));
        }

        var hints = file.ServiceHints ?? [];
        return new IntentRuleSet
        {
            Threshold = file.Threshold,
            Saturation = file.Saturation > 0 ? file.Saturation : 1.0,
            MarginPenalty = Math.Clamp(file.MarginPenalty, 0, 1),
            TicketPattern = new Regex(file.TicketPattern ?? "(?<![a-z0-9])[a-z][0-9]{4,6}(?![0-9])", options | RegexOptions.IgnoreCase),
            IntentNames = names,
            KeywordMatcher = new PhraseMatcher(phrases),
            Keywords = [.. keywords],
            KeywordByPhrase = phrases.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i, StringComparer.Ordinal),
            Patterns = [.. patterns],
            CertainPatterns = [.. certain],
            EntityBoosts = boosts,
            ServiceHintMatcher = new PhraseMatcher(hints.Keys.Select(TextNormalizer.Normalize).ToArray()),
            ServiceHintTargets = [.. hints.Values],
        };
    }

    private sealed class RulesFile
    {
        [JsonPropertyName("threshold")]
        public double Threshold { get; set; } = 0.4;

        [JsonPropertyName("saturation")]
        public double Saturation { get; set; } = 1.0;

        [JsonPropertyName("marginPenalty")]
        public double MarginPenalty { get; set; } = 0.4;

        [JsonPropertyName("ticketPattern")]
        public string? TicketPattern { get; set; }

        [JsonPropertyName("entityBoosts")]
        public Dictionary<string, Dictionary<string, double>>? EntityBoosts { get; set; }

        [JsonPropertyName("certain")]
        public Dictionary<string, List<string>>? Certain { get; set; }

        [JsonPropertyName("serviceHints")]
        public Dictionary<string, string>? ServiceHints { get; set; }

        [JsonPropertyName("intents")]
        public Dictionary<string, IntentRules>? Intents { get; set; }
    }

    private sealed class IntentRules
    {
        [JsonPropertyName("keywords")]
        public Dictionary<string, double>? Keywords { get; set; }

        [JsonPropertyName("patterns")]
        public Dictionary<string, double>? Patterns { get; set; }
    }
}
