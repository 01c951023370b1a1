namespace GovBot.Load;

/// <summary>
/// One member's side of the chat: first the onboarding a newcomer goes through, then a realistic mix of asking
/// for the menu, reporting a problem (joining nobody's twin, confirming the summary), checking progress and
/// looking up the grid worker. It decides the next message from the bot's last answer, as a person would.
/// </summary>
public sealed class SimulatedMember(string userId, int building, Random random)
{
    private static readonly string[] Problems = ["楼道堆满了杂物", "门口的路灯坏了", "楼下有人乱停车", "楼上有人拉电线充电", "垃圾好几天没人收了"];
    private readonly Queue<string> _onboarding = new(["你好", "清泉湖社区", "清华苑一期", $"{building}号楼", "是"]);
    private string? _next;
    private bool _reporting;

    public string UserId { get; } = userId;
    public bool Onboarded { get; private set; }

    public string NextMessage()
    {
        if (_next is { } next) return next;
        if (!Onboarded) return _onboarding.Peek();
        var roll = random.Next(100);
        if (roll < 20)
        {
            _reporting = true;
            return $"{building}号楼{Problems[random.Next(Problems.Length)]}";
        }
        return roll switch
        {
            < 50 => "帮助",
            < 75 => "我的上报",
            _ => "我们的网格员是谁",
        };
    }

    /// <returns>Whether the answer fitted what was asked; a report filed is told through <paramref name="recorder"/>.</returns>
    public bool Heard(string reply, LoadRecorder recorder)
    {
        _next = null;
        if (!Onboarded)
        {
            var said = _onboarding.Dequeue();
            if (_onboarding.Count > 0) return true;
            Onboarded = reply.Contains("记好了", StringComparison.Ordinal);
            if (!Onboarded) Restart(said);
            return Onboarded;
        }
        if (!_reporting) return reply.Length > 0;

        // The offer to join a neighbour's report quotes its status (已上报), so it is checked first.
        if (reply.Contains("一起跟进", StringComparison.Ordinal)) { _next = "单独上报"; return true; }
        if (reply.Contains("回复「是」", StringComparison.Ordinal)) { _next = "是"; return true; }
        if (reply.StartsWith("已上报！", StringComparison.Ordinal))
        {
            _reporting = false;
            recorder.ReportFiled();
            return true;
        }
        // Anything else (a question the script does not answer): leave the dialog and carry on.
        _reporting = false;
        _next = "取消";
        return false;
    }

    private void Restart(string _)
    {
        foreach (var step in new[] { "你好", "清泉湖社区", "清华苑一期", $"{building}号楼", "是" }) _onboarding.Enqueue(step);
    }
}
