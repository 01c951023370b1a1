using System.Text.RegularExpressions;
using GovBot.Skills.Nlu;

namespace GovBot.Skills.CheckIns;

/// <summary>
/// Finds the work unit inside a longer sentence: the first message (「我是在职党员 在县卫健局上班 来报个到」)
/// or a correction at the summary (「不对 单位是住建局」). Only words framed as a unit, or names the table
/// knows, are taken: 「我是清华苑的」 names a compound, not a unit.
/// </summary>
public static partial class UnitMentions
{
    /// <summary>The words naming a unit in a sentence, frame left on for <see cref="UnitNames.Clean"/>; null when none.</summary>
    public static string? Find(string sentence, UnitNames names, IReadOnlyList<CountyName> counties)
    {
        var text = TextNormalizer.Normalize(sentence);
        foreach (var framed in new[] { WorkFrame(), WorksAt(), UnitIs() })
        {
            if (framed.Match(text) is { Success: true } m && names.Clean(m.Groups["u"].Value).Length >= 2) return m.Groups["u"].Value;
        }
        foreach (var loose in new[] { IAmOf(), AtUnit() })
        foreach (Match m in loose.Matches(text))
        {
            var cleaned = names.Clean(m.Groups["u"].Value);
            if (names.LooksLikeUnit(cleaned, counties)) return cleaned;
        }
        return names.KnownIn(text);
    }

    /// <summary>A unit named at the summary or when asked what to change: a framed one, or bare words after 不对/是/改成 that look like a unit.</summary>
    public static string? Correction(string text, UnitNames names, IReadOnlyList<CountyName> counties)
    {
        if (Find(text, names, counties) is { } found) return found;
        var cleaned = names.Clean(text);
        return names.LooksLikeUnit(cleaned, counties) ? cleaned : null;
    }

    /// <summary>「在县卫健局上班」; not 「在职」 or 「在家」.</summary>
    [GeneratedRegex(@"在(?!职|岗|家|外)(?<u>[^\s,，。.!！?？;；、]{2,24}?)(?:上班|工作|任职|就职|上着班)")]
    private static partial Regex WorkFrame();

    /// <summary>「就职于清徐县第二中学」.</summary>
    [GeneratedRegex(@"(?:就职于|任职于|供职于|工作于)(?<u>[^\s,，。.!！?？;；、]{2,24})")]
    private static partial Regex WorksAt();

    /// <summary>「我在交通局，来报到」: without 上班 the words are taken only when they look like a unit (not 「住在清华苑」).</summary>
    [GeneratedRegex(@"(?<!住|家)在(?!职|岗|家|外)(?<u>[^\s,，。.!！?？;；、]{2,24}?)(?:$|[\s,，。.!！;；、])")]
    private static partial Regex AtUnit();

    /// <summary>「单位是住建局」, 「我们单位叫…」.</summary>
    [GeneratedRegex(@"单位(?:是|叫|名称是|名字是|在|改成|改为|应该是)[:：]?\s*(?<u>[^\s,，。.!！?？;；、]{2,24})")]
    private static partial Regex UnitIs();

    /// <summary>「我是县卫健局的」: the words are taken only when they look like a unit.</summary>
    [GeneratedRegex(@"是(?<u>[^\s,，。.!！?？;；、]{2,20}?)的")]
    private static partial Regex IAmOf();
}
