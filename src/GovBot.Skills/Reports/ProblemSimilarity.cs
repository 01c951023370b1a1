using GovBot.Skills.Conversation.Forms;

namespace GovBot.Skills.Reports;

/// <summary>
/// Whether two reports of the same category at the same place describe the same problem: a broken fitness bar and a
/// broken street lamp are both 设施损坏 at 3号楼, but not one problem. Compares what is wrong, not where: the pairs of
/// characters left once places, numbers and the words every report shares (坏了, 有人, 楼下 …) are taken out. A
/// description too short to say anything (a photo alone) leaves the decision to category and place, as before.
/// </summary>
public static class ProblemSimilarity
{
    /// <summary>Share of the shorter description's content (pairs and characters) found in the other, from which they are one problem.</summary>
    public const double SameProblem = 0.3;

    // Characters that say where, when, how bad or who, not what: they are in nearly every report.
    private const string Common = "的了在有人又没不坏是我们你他她它这那个都还就也很太好几天号楼单元栋层门口下上里边面小区院家户一二三四五六七八九十啊呢吧吗呀哪谁啥咋怎么样老总天天一直经常已经到从把被给让叫说请帮快赶紧点儿";

    /// <summary>Whether <paramref name="a"/> and <paramref name="b"/> describe the same problem, or null when one says too little to tell.</summary>
    public static bool? Same(string a, string b)
    {
        var x = Pairs(a);
        var y = Pairs(b);
        // Nothing but common words on either side (a photo alone, 「又坏了」): category and place must decide.
        if (x.Count == 0 || y.Count == 0) return null;
        // The shorter description measured against the longer: 「路灯坏了」 and 「门口的灯坏了好几天了，黑咕隆咚的」 share the lamp.
        var shared = x.Count(y.Contains);
        return (double)shared / Math.Min(x.Count, y.Count) >= SameProblem;
    }

    private static HashSet<string> Pairs(string text)
    {
        var content = new List<char>(text.Length);
        foreach (var c in text)
        {
            if (!char.IsLetter(c) || Common.Contains(c)) { content.Add(' '); continue; }
            content.Add(c);
        }
        var pairs = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < content.Count; i++)
            if (content[i] != ' ' && content[i + 1] != ' ') pairs.Add(new string([content[i], content[i + 1]]));
        // Single characters of content say something too (「灯」 of 「路灯」 and of 「楼道灯」).
        foreach (var c in content)
            if (c != ' ') pairs.Add(c.ToString());
        return pairs;
    }
}
