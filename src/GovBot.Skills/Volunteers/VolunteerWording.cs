using GovBot.Data.People;
using GovBot.Skills.CheckIns;
using GovBot.Skills.Conversation.Forms;

namespace GovBot.Skills.Volunteers;

/// <summary>How teams and join requests read in Chinese, and how a team named in words is found.</summary>
public static class VolunteerWording
{
    /// <summary>Words nearly every team name has; they tell no team from another ("志愿队" fits them all).</summary>
    private static readonly string[] CommonWords = ["志愿服务队", "志愿服务社", "志愿者", "志愿", "服务队", "服务社", "队", "团", "社", "那个", "的"];

    /// <summary>A line of the list residents pick from: the name and what the team does.</summary>
    public static string Line(VolunteerTeam team) =>
        team.Description is { Length: > 0 } d ? $"{team.Name}：{d}" : team.Name;

    public static string Services(string services) =>
        services.Length == 0 ? "没填" : string.Join("、", services.Split('|', StringSplitOptions.RemoveEmptyEntries));

    public static string Status(VolunteerJoinStatus status) => status switch
    {
        VolunteerJoinStatus.Pending => "等待审核",
        VolunteerJoinStatus.Approved => "已同意",
        _ => "已婉拒",
    };

    /// <summary>Who decides on joining the team, as the applicant is told: 队长郭秀英, or 清泉湖社区的工作人员.</summary>
    public static string Decider(VolunteerTeam team) =>
        team.Lead is { } lead ? $"队长{lead.Name}" : team.Community is { } c ? $"{c.Name}的工作人员" : "县里的工作人员";

    /// <summary>
    /// The team the answer names: a number of the list, the name or most of it, a typo; failing that, the longest run of
    /// characters it shares with one team's name once the words every team has are left out ("快递小哥那个" → 快递小哥志愿服务队).
    /// Null when nothing fits or two teams fit equally.
    /// </summary>
    public static int? Match(string answer, IReadOnlyList<VolunteerTeam> teams, bool allowNumber = true)
    {
        var names = teams.Select(t => t.Name).ToList();
        if ((allowNumber || !IsNumber(answer)) && ChoiceMatcher.Match(answer, names) is { } exact) return exact;
        var lines = teams.Select(Line).ToList();
        if (lines.IndexOf(answer.Trim()) is var line and >= 0) return line;

        var text = Core(ChoiceMatcher.Normalize(answer));
        if (text.Length < 2) return null;
        int? best = null;
        var bestLength = 1;
        var tie = false;
        for (var i = 0; i < teams.Count; i++)
        {
            var shared = LongestShared(text, Core(ChoiceMatcher.Normalize(teams[i].Name)));
            if (shared > bestLength) (best, bestLength, tie) = (i, shared, false);
            else if (shared == bestLength && best is not null) tie = true;
        }
        return tie ? null : best;
    }

    /// <summary>「1 3」「理发和维修」「都可以」 → the services picked; 「跳过」「没有」 → none. Null when not understood.</summary>
    public static SlotValue? ReadServices(string answer, IReadOnlyList<string> options)
    {
        var t = ChoiceMatcher.Normalize(answer);
        if (SkipWords.Contains(t)) return new SlotValue("", "没填");
        if (MultiChoice.Match(answer, options) is not { Count: > 0 } picked) return null;
        var names = picked.Select(i => options[i]).ToList();
        return new SlotValue(string.Join('|', names), string.Join("、", names));
    }

    private static readonly HashSet<string> SkipWords =
        ["跳过", "没有", "没", "无", "先不填", "不填", "暂时没有", "没啥", "没什么", "啥也不会", "都不会", "不会", "不知道", "随便", "看情况", "到时候再说"];

    private static bool IsNumber(string text) => ChoiceMatcher.Normalize(text).All(char.IsAsciiDigit);

    private static string Core(string text)
    {
        foreach (var word in CommonWords) text = text.Replace(word, "", StringComparison.Ordinal);
        return text;
    }

    private static int LongestShared(string a, string b)
    {
        var best = 0;
        for (var i = 0; i < a.Length; i++)
            for (var j = 0; j < b.Length; j++)
            {
                var k = 0;
                while (i + k < a.Length && j + k < b.Length && a[i + k] == b[j + k]) k++;
                best = Math.Max(best, k);
            }
        return best;
    }
}
