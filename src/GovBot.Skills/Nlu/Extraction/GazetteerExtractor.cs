namespace GovBot.Skills.Nlu.Extraction;

/// <summary>
/// Matches gazetteer names and aliases, longest first. The lookup table is built from the
/// gazetteer's lists and rebuilt when the gazetteer hands out different list instances, so a
/// store-backed gazetteer that refreshes its snapshot is picked up without restarting.
/// </summary>
public abstract class GazetteerExtractor : IEntityExtractor
{
    private readonly IGazetteer _gazetteer;
    private volatile Index? _index;

    protected GazetteerExtractor(IGazetteer gazetteer) => _gazetteer = gazetteer;

    protected abstract IReadOnlyList<GazetteerEntry> Primary(IGazetteer gazetteer);

    protected virtual IReadOnlyList<GazetteerEntry>? Secondary(IGazetteer gazetteer) => null;

    /// <summary>Declares the surface forms of the entries; called when the table is (re)built.</summary>
    protected abstract void AddSurfaces(SurfaceTable table, IReadOnlyList<GazetteerEntry> primary, IReadOnlyList<GazetteerEntry>? secondary);

    public void Extract(in NluText text, List<EntityMatch> results)
    {
        var primary = Primary(_gazetteer);
        var secondary = Secondary(_gazetteer);
        var index = _index;
        if (index is null || !ReferenceEquals(index.Primary, primary) || !ReferenceEquals(index.Secondary, secondary))
        {
            var table = new SurfaceTable();
            AddSurfaces(table, primary, secondary);
            index = new Index(primary, secondary, table.Build(out var targets), targets);
            _index = index;
        }

        var hits = new List<PhraseHit>(4);
        index.Matcher.FindAll(text.Normalized, hits);
        MergeSameTarget(hits, index.Targets);
        PhraseMatcher.KeepLongestNonOverlapping(hits);
        foreach (var hit in hits)
        {
            var (entity, value) = index.Targets[hit.Phrase];
            results.Add(new EntityMatch(entity, value, hit.Start, hit.End));
        }
    }

    /// <summary>
    /// Overlapping or touching words for the same thing make one span ("路灯坏了"): "从窗户拉" and "拉电线" in "从窗户拉电线" are one
    /// 飞线充电, and the longer joint span then wins against anything else overlapping it.
    /// </summary>
    private static void MergeSameTarget(List<PhraseHit> hits, (string Entity, string Value)[] targets)
    {
        for (var i = 0; i < hits.Count; i++)
        {
            for (var k = i + 1; k < hits.Count; k++)
            {
                var a = hits[i];
                var b = hits[k];
                if (b.Start <= a.End && a.Start <= b.End && targets[a.Phrase] == targets[b.Phrase])
                {
                    var start = Math.Min(a.Start, b.Start);
                    hits[i] = new PhraseHit(start, Math.Max(a.End, b.End) - start, a.Phrase);
                    hits.RemoveAt(k);
                    k = i; // the grown span may now reach others
                }
            }
        }
    }

    private sealed record Index(
        IReadOnlyList<GazetteerEntry> Primary,
        IReadOnlyList<GazetteerEntry>? Secondary,
        PhraseMatcher Matcher,
        (string Entity, string Value)[] Targets);

    /// <summary>
    /// Surface forms and what they name. Explicit forms (names, aliases) always count, the first
    /// declaration winning; derived forms (a name with its suffix cut off) count only when no other
    /// entry claims the same form, so "世纪" from 世纪花园 and 世纪家园 is dropped as ambiguous.
    /// </summary>
    public sealed class SurfaceTable
    {
        private readonly Dictionary<string, (string Entity, string Value)> _explicit = new(StringComparer.Ordinal);
        private readonly Dictionary<string, (string Entity, string Value)?> _derived = new(StringComparer.Ordinal);

        public void AddExplicit(string surface, string entity, string value)
        {
            if (!string.IsNullOrWhiteSpace(surface))
            {
                _explicit.TryAdd(TextNormalizer.Normalize(surface.Trim()), (entity, value));
            }
        }

        public void AddDerived(string surface, string entity, string value)
        {
            if (string.IsNullOrWhiteSpace(surface))
            {
                return;
            }

            var key = TextNormalizer.Normalize(surface.Trim());
            if (_derived.TryGetValue(key, out var existing))
            {
                // A second, different owner makes the short form ambiguous: remember that with null.
                if (existing is { } e && e != (entity, value))
                {
                    _derived[key] = null;
                }
            }
            else
            {
                _derived[key] = (entity, value);
            }
        }

        internal PhraseMatcher Build(out (string Entity, string Value)[] targets)
        {
            var phrases = new List<string>(_explicit.Count + _derived.Count);
            var owners = new List<(string, string)>(phrases.Capacity);
            foreach (var (surface, owner) in _explicit)
            {
                phrases.Add(surface);
                owners.Add(owner);
            }

            foreach (var (surface, owner) in _derived)
            {
                if (owner is { } o && !_explicit.ContainsKey(surface))
                {
                    phrases.Add(surface);
                    owners.Add(o);
                }
            }

            targets = [.. owners];
            return new PhraseMatcher(phrases);
        }
    }
}

/// <summary>
/// Compounds and communities, matched together so the longer name wins ("永安小区" over "永安社区"'s
/// short forms). Besides names and aliases it accepts "X小区" for a compound X, and a name cut short
/// when the rest still names one place: "清华苑" for 清华苑一期, "清泉湖" for 清泉湖社区. Cut names
/// shorter than three characters are not used ("外贸", "五阳" mean other things too).
/// </summary>
public sealed class PlaceExtractor(IGazetteer gazetteer) : GazetteerExtractor(gazetteer)
{
    private const int MinDerivedLength = 3;

    protected override IReadOnlyList<GazetteerEntry> Primary(IGazetteer gazetteer) => gazetteer.Compounds;

    protected override IReadOnlyList<GazetteerEntry>? Secondary(IGazetteer gazetteer) => gazetteer.Communities;

    protected override void AddSurfaces(SurfaceTable table, IReadOnlyList<GazetteerEntry> primary, IReadOnlyList<GazetteerEntry>? secondary)
    {
        foreach (var e in primary)
        {
            AddPlace(table, e, Entities.Compound, "小区");
        }

        foreach (var e in secondary ?? [])
        {
            AddPlace(table, e, Entities.Community, "社区");
        }
    }

    private static void AddPlace(SurfaceTable table, GazetteerEntry e, string entity, string suffix)
    {
        table.AddExplicit(e.Name, entity, e.Name);
        foreach (var alias in e.Aliases)
        {
            table.AddExplicit(alias, entity, e.Name);
        }

        var stem = e.Name;
        if (stem.EndsWith(suffix, StringComparison.Ordinal))
        {
            stem = stem[..^suffix.Length];
        }
        else if (entity == Entities.Compound)
        {
            table.AddExplicit(e.Name + suffix, entity, e.Name);
        }

        // "清华苑一期" → "清华苑": the phase is often left out.
        var phase = stem.Length > 2 && stem[^1] == '期' ? stem.AsSpan(0, stem.Length - 1).TrimEnd(ChineseNumerals.NumeralChars) : stem.AsSpan();
        if (phase.Length < stem.Length)
        {
            stem = phase.ToString();
        }

        if (stem.Length >= MinDerivedLength && stem != e.Name)
        {
            table.AddDerived(stem, entity, e.Name);
            table.AddDerived(stem + suffix, entity, e.Name);
        }
    }
}

/// <summary>Report categories by name and trigger words, e.g. 飞线充电 ← 拉电线.</summary>
public sealed class CategoryExtractor(IGazetteer gazetteer) : GazetteerExtractor(gazetteer)
{
    protected override IReadOnlyList<GazetteerEntry> Primary(IGazetteer gazetteer) => gazetteer.ReportCategories;

    protected override void AddSurfaces(SurfaceTable table, IReadOnlyList<GazetteerEntry> primary, IReadOnlyList<GazetteerEntry>? secondary) =>
        AddNamesAndAliases(table, primary, Entities.Category);

    internal static void AddNamesAndAliases(SurfaceTable table, IReadOnlyList<GazetteerEntry> entries, string entity)
    {
        foreach (var e in entries)
        {
            // "其他" is the fallback bucket, not something a resident names: "还有其他的吗" is no report.
            if (e.Name != DefaultCategories.OtherCategory)
            {
                table.AddExplicit(e.Name, entity, e.Name);
            }

            foreach (var alias in e.Aliases)
            {
                table.AddExplicit(alias, entity, e.Name);
            }
        }
    }
}

/// <summary>Volunteer services by name and the words people use, e.g. 理发 ← 剪头发, 剃头.</summary>
public sealed class ServiceExtractor(IGazetteer gazetteer) : GazetteerExtractor(gazetteer)
{
    protected override IReadOnlyList<GazetteerEntry> Primary(IGazetteer gazetteer) => gazetteer.Services;

    protected override void AddSurfaces(SurfaceTable table, IReadOnlyList<GazetteerEntry> primary, IReadOnlyList<GazetteerEntry>? secondary) =>
        CategoryExtractor.AddNamesAndAliases(table, primary, Entities.Service);
}
