using System.Text.Json;
using System.Text.Json.Serialization;
using GovBot.Skills.Conversation.Forms;
using GovBot.Skills.Nlu;

namespace GovBot.Skills.CheckIns;

/// <summary>A county as unit names mention it: 清徐县, or 清徐 for short.</summary>
public sealed record CountyName(int Id, string Name)
{
    public string Short => Name.Length > 2 && Name[^1] is '县' or '市' or '区' ? Name[..^1] : Name;
}

/// <summary>One kind of unit from <c>work-units.rules.json</c>: its official names (the first is the normal form) and what people call it.</summary>
public sealed record UnitKind(IReadOnlyList<string> Names, IReadOnlyList<string> Aliases, bool IsAgency)
{
    public string Normal => Names[0];

    /// <summary>Every way of writing it, full forms first.</summary>
    public IEnumerable<string> Forms => Names.Concat(Aliases);
}

/// <summary>
/// A unit name as read: 「我在县卫健局上班」 is cleaned to 县卫健局, has no county named, and is the agency
/// 卫生健康局; 「清源镇政府」 is the kind 镇人民政府 at the place 清源. <see cref="Key"/> is what two names
/// of the same unit share.
/// </summary>
public sealed record UnitName(string Cleaned, CountyName? County, bool SaidCounty, UnitKind? Kind, string Said, string Place, string Body)
{
    /// <summary>The name without county, abbreviations expanded: 卫生健康局, 清源镇人民政府, 东湖小学.</summary>
    public string Key => Kind is null ? Body : Place + Kind.Normal;

    /// <summary>A county-level agency named by one of its known names (卫健局), not a guess from the words.</summary>
    public bool IsKnownAgency => Kind is { IsAgency: true };

    /// <summary>The ways this unit may be typed, for near-typo matching: 卫生健康局, 卫健局, 卫健委 …</summary>
    public IEnumerable<string> Forms => Kind is null ? [Body] : Kind.Forms.Select(f => Place + f).Append(Body).Distinct();
}

/// <summary>
/// Reads work-unit names the way members type them: strips the frame around the unit (「我在…上班」, 「单位是…」,
/// 「…的」), the county (清徐县, 县, 咱县) and the prefixes of official names (中共, 国网), and expands
/// abbreviations (卫健局 = 卫生健康局) from <c>work-units.rules.json</c>. Pure and immutable; <see cref="Default"/> is the embedded table.
/// </summary>
public sealed class UnitNames
{
    private static readonly Lazy<UnitNames> LazyDefault = new(() =>
    {
        using var stream = RuleResources.Open("work-units.rules.json");
        return Load(stream);
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string[] _prefixes, _countyWords, _before, _after, _endings;
    private readonly HashSet<string> _notUnits;
    private readonly Dictionary<string, (UnitKind Kind, string Said)> _whole = new(StringComparer.Ordinal);
    /// <summary>Kinds matched at the end of a name, longest first.</summary>
    private readonly List<(string Form, UnitKind Kind)> _endingsOfKinds = [];

    private UnitNames(RulesFile file)
    {
        static string[] Longest(IEnumerable<string>? words) =>
            [.. (words ?? []).Select(ChoiceMatcher.Normalize).Where(w => w.Length > 0).Distinct().OrderByDescending(w => w.Length)];
        _prefixes = Longest(file.Prefixes);
        _countyWords = Longest(file.CountyWords);
        _before = Longest(file.Before);
        _after = Longest(file.After);
        _endings = Longest(file.UnitEndings);
        _notUnits = [.. Longest(file.NotUnits)];
        foreach (var (entries, agency) in new[] { (file.Agencies, true), (file.Kinds, false) })
        foreach (var entry in entries ?? [])
        {
            if (entry.Names is not { Count: > 0 }) throw new InvalidDataException("A unit in work-units.rules.json has no name.");
            var kind = new UnitKind([.. entry.Names.Select(ChoiceMatcher.Normalize)], [.. (entry.Aliases ?? []).Select(ChoiceMatcher.Normalize)], agency);
            foreach (var form in kind.Forms)
            {
                if (!_whole.TryAdd(form, (kind, form)))
                    throw new InvalidDataException($"「{form}」 appears twice in work-units.rules.json; an alias may name one unit only.");
                if (!agency) _endingsOfKinds.Add((form, kind));
            }
        }
        _endingsOfKinds.Sort((a, b) => b.Form.Length.CompareTo(a.Form.Length));
    }

    public static UnitNames Default => LazyDefault.Value;

    public static UnitNames Load(Stream json) =>
        new(JsonSerializer.Deserialize<RulesFile>(json, RuleResources.JsonOptions) ?? throw new InvalidDataException("work-units.rules.json is empty."));

    /// <summary>The unit inside an answer: 「我在县卫健局上班」 → 县卫健局; 「卫健局那个」 → 卫健局. Empty when nothing is left.</summary>
    public string Clean(string text)
    {
        var t = ChoiceMatcher.Normalize(text);
        for (var changed = true; changed && t.Length > 0;)
        {
            changed = false;
            if (_before.FirstOrDefault(w => t.Length > w.Length && t.StartsWith(w, StringComparison.Ordinal) || t == w) is { } b)
            {
                t = t[b.Length..];
                changed = true;
            }
            if (_after.FirstOrDefault(w => t.Length > w.Length && t.EndsWith(w, StringComparison.Ordinal) || t == w) is { } a)
            {
                t = t[..^a.Length];
                changed = true;
            }
        }
        return t;
    }

    /// <summary>Reads a typed answer, frame and all; null when no name is left, or the answer says there is none (「不知道」).</summary>
    public UnitName? Read(string typed, IReadOnlyList<CountyName> counties)
    {
        var cleaned = Clean(typed);
        if (_notUnits.Contains(cleaned)) return null;
        // Digits belong to a unit only in its name's ending (第2中学), not to an address (3号楼) answered out of turn.
        if (cleaned.Any(char.IsAsciiDigit) && !EndsLikeUnit(cleaned)) return null;
        return Parse(cleaned, counties);
    }

    /// <summary>Ends the way unit names end: 局, 委, 医院, 公司 ….</summary>
    public bool EndsLikeUnit(string cleaned) => cleaned.Length >= 3 && _endings.Any(e => cleaned.EndsWith(e, StringComparison.Ordinal));

    /// <summary>Reads a name as the store keeps it (no frame to strip).</summary>
    public UnitName? ReadStored(string name, IReadOnlyList<CountyName> counties) => Parse(ChoiceMatcher.Normalize(name), counties);

    /// <summary>Whether words without a frame around them look like a unit: a known name, or one ending in 局, 委, 医院, 公司 ….</summary>
    public bool LooksLikeUnit(string cleaned, IReadOnlyList<CountyName> counties) =>
        cleaned.Length >= 2 && !cleaned.Any(char.IsAsciiDigit)
        && (Parse(cleaned, counties)?.Kind is not null || EndsLikeUnit(cleaned));

    /// <summary>The longest county agency named anywhere in a sentence (「交通局的来报到」), for a first message without a frame.</summary>
    public string? KnownIn(string sentence)
    {
        var t = ChoiceMatcher.Normalize(sentence);
        string? best = null;
        foreach (var (form, (kind, _)) in _whole)
        {
            if (kind.IsAgency && form.Length >= 3 && form.Length > (best?.Length ?? 0) && t.Contains(form, StringComparison.Ordinal)) best = form;
        }
        return best;
    }

    /// <summary>
    /// The name a new unit is registered under: full form, with the county in front when the member said
    /// 县 or named a county agency (清徐县卫生健康局, 清徐县委组织部); other names as typed.
    /// </summary>
    public static string NewName(UnitName name, CountyName? memberCounty)
    {
        var county = name.County ?? memberCounty;
        if (name.Kind is { } kind)
        {
            // A full form the member typed is kept (教育局 stays 教育局); an abbreviation becomes the normal form.
            var form = kind.Names.Contains(name.Said) ? name.Said : kind.Normal;
            var body = name.Place + form;
            if (county is null || (!kind.IsAgency && name.Place.Length > 0 && !name.SaidCounty && name.County is null)) return body;
            return body.StartsWith('县') ? county.Short + body : county.Name + body;
        }
        // Other names keep the county as typed (清徐中学 is not 清徐县中学); a bare 县 becomes the county's name.
        if (name.County is not null) return name.Cleaned;
        return name.SaidCounty && county is not null ? county.Name + name.Body : name.Cleaned;
    }

    private UnitName? Parse(string text, IReadOnlyList<CountyName> counties)
    {
        var t = text;
        for (var stripped = true; stripped;)
        {
            stripped = false;
            if (_prefixes.FirstOrDefault(p => t.Length > p.Length && t.StartsWith(p, StringComparison.Ordinal)) is { } p)
            {
                t = t[p.Length..];
                stripped = true;
            }
        }
        if (t.Length == 0) return null;

        CountyName? county = null;
        foreach (var c in counties.OrderByDescending(c => c.Name.Length))
        {
            var name = t.StartsWith(c.Name, StringComparison.Ordinal) ? c.Name : t.StartsWith(c.Short, StringComparison.Ordinal) ? c.Short : null;
            if (name is null) continue;
            county = c;
            t = t[name.Length..].TrimStart('的');
            break;
        }

        var saidCounty = false;
        var kind = Whole(t);
        if (kind is null && _countyWords.FirstOrDefault(w => t.Length > w.Length && t.StartsWith(w, StringComparison.Ordinal)) is { } word)
        {
            t = t[word.Length..].TrimStart('的');
            saidCounty = true;
            kind = Whole(t);
        }
        if (t.Length == 0) return null;
        if (kind is { } whole) return new UnitName(text, county, saidCounty || county is not null, whole.Kind, whole.Said, "", t);

        // A kind named after its place: 清源镇政府, 清徐二中.
        foreach (var (form, k) in _endingsOfKinds)
        {
            if (t.Length > form.Length && t.EndsWith(form, StringComparison.Ordinal))
                return new UnitName(text, county, saidCounty || county is not null, k, form, t[..^form.Length], t);
        }
        return new UnitName(text, county, saidCounty || county is not null, null, t, "", t);
    }

    /// <summary>The whole text as a known name; 「委组织部」 (清徐县委组织部 without the county) reads as 县委组织部.</summary>
    private (UnitKind Kind, string Said)? Whole(string t) =>
        _whole.TryGetValue(t, out var hit) ? hit
        : t.StartsWith('委') && _whole.TryGetValue("县" + t, out var party) ? party
        : null;

    private sealed class RulesFile
    {
        [JsonPropertyName("prefixes")]
        public List<string>? Prefixes { get; set; }

        [JsonPropertyName("countyWords")]
        public List<string>? CountyWords { get; set; }

        [JsonPropertyName("before")]
        public List<string>? Before { get; set; }

        [JsonPropertyName("after")]
        public List<string>? After { get; set; }

        [JsonPropertyName("notUnits")]
        public List<string>? NotUnits { get; set; }

        [JsonPropertyName("unitEndings")]
        public List<string>? UnitEndings { get; set; }

        [JsonPropertyName("agencies")]
        public List<Entry>? Agencies { get; set; }

        [JsonPropertyName("kinds")]
        public List<Entry>? Kinds { get; set; }
    }

    private sealed class Entry
    {
        [JsonPropertyName("names")]
        public List<string>? Names { get; set; }

        [JsonPropertyName("aliases")]
        public List<string>? Aliases { get; set; }
    }
}
