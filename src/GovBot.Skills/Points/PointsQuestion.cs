using System.Text.RegularExpressions;

namespace GovBot.Skills.Points;

/// <summary>The three answers of the points skill.</summary>
public enum PointsQuestion
{
    Balance,
    Details,
    Rank,
}

/// <summary>
/// Which answer a points message wants, from the words residents use: 「排老几」「前几名都是谁」 ask the rank,
/// 「咋来的」「一笔一笔的」「都是哪来的分」 the details; anything else the balance. One table, read top to bottom, the
/// first match wins: the rank comes first because 「排名怎么算的」 asks about the rank.
/// </summary>
public static partial class PointsQuestions
{
    private static readonly (PointsQuestion Question, Regex Words)[] Table =
    [
        (PointsQuestion.Rank, RankWords()),
        (PointsQuestion.Details, DetailWords()),
    ];

    public static PointsQuestion Of(string text)
    {
        foreach (var (question, words) in Table)
        {
            if (words.IsMatch(text)) return question;
        }
        return PointsQuestion.Balance;
    }

    // 排名, 排第几, 第几名, 排老几, 排几名, 前几名, 前三名, 名次, 排行, 谁最多, 谁分最高.
    [GeneratedRegex("排名|排行|名次|排(第|老)?几|第几名?|前(几|[一二三四五六七八九十0-9]{1,2})名|谁.{0,3}(最多|最高)")]
    private static partial Regex RankWords();

    // 明细, 记录, 一笔一笔, 每一笔, 咋来的, 怎么来的, 哪来的, 从哪儿来的, 怎么算的, 咋算的, 加在哪, 为啥加分.
    [GeneratedRegex("明细|记录|一笔|每笔|(咋|怎么|怎样|哪儿?|哪里)来的|从哪|(咋|怎么|怎样)算|(咋|怎么|怎样)(加|得)的|为(啥|什么|甚).{0,4}(加|扣)|哪些分")]
    private static partial Regex DetailWords();
}
