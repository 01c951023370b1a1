namespace GovBot.Skills.Reports;

/// <summary>
/// Some reports cannot wait for a grid worker to accept a card: fire, gas, someone trapped or hurt. GovBot still files
/// them, but first tells the resident which emergency number to call, because the ticket is no substitute for 119.
/// </summary>
internal static class Urgent
{
    private static readonly (string Number, string[] Words)[] Lines =
    [
        ("119", ["着火", "起火", "失火", "火灾", "冒火", "浓烟", "烧起来", "煤气味", "燃气味", "煤气泄", "燃气泄", "漏气", "天然气味", "困人", "被困", "困在", "困里", "关在电梯", "卡在电梯"]),
        ("120", ["晕倒", "昏倒", "昏迷", "受伤", "流血", "摔倒起不来", "中毒", "触电", "没气了", "喘不上气"]),
        ("110", ["打架", "打人", "砍人", "持刀", "小偷", "偷东西", "入室", "撬门", "撬锁", "诈骗"]),
    ];

    /// <summary>A short line naming the numbers that fit what the resident said, or null when nothing is urgent.</summary>
    public static string? Advice(string text)
    {
        var numbers = Lines.Where(l => l.Words.Any(w => text.Contains(w, StringComparison.Ordinal))).Select(l => l.Number).ToList();
        return numbers.Count == 0 ? null : $"情况紧急的话请先打 {string.Join(" 或 ", numbers)}，人身安全要紧，我这边同时替您上报。";
    }
}
