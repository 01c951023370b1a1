namespace GovBot.Load;

/// <summary>What members say once onboarded: the realistic mix, or one kind of message only (to price each kind).</summary>
public enum MessageMix { Realistic, Reports, Menu, Progress, GridWorker }

/// <summary>
/// One member's side of the chat: first the onboarding a newcomer goes through, then a realistic mix of asking
/// for the menu, reporting a problem (joining nobody's twin, confirming the summary), checking progress and
/// looking up the grid worker. It decides the next message from the bot's last answer, as a person would.
/// </summary>
public sealed class SimulatedMember(string userId, int home, Random random, MessageMix mix = MessageMix.Realistic)
{
    private static readonly string[] Problems = ["楼道堆满了杂物", "门口的路灯坏了", "楼下有人乱停车", "楼上有人拉电线充电", "垃圾好几天没人收了"];

    /// <summary>Homes over five grids of the demo county, so reports reach several grid workers, as in a real county.</summary>
    private static readonly (string Community, string Compound, int Buildings)[] Homes =
        [("清泉湖社区", "清华苑一期", 8), ("迎新社区", "世纪花园", 3), ("金沙滩社区", "中隐澜湾", 12)];

    private readonly (string Community, string Compound, int Building) _home = HomeOf(home);
    private readonly Queue<string> _onboarding = new(OnboardingSteps(HomeOf(home)));
    private string? _next;
    private bool _reporting;

    public string UserId { get; } = userId;
    public bool Onboarded { get; private set; }

    public string NextMessage()
    {
        if (_next is { } next) return next;
        if (!Onboarded) return _onboarding.Peek();
        var roll = mix switch
        {
            MessageMix.Reports => 0,
            MessageMix.Menu => 20,
            MessageMix.Progress => 50,
            MessageMix.GridWorker => 75,
            _ => random.Next(100),
        };
        if (roll < 20)
        {
            _reporting = true;
            return $"{_home.Building}号楼{Problems[random.Next(Problems.Length)]}";
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
        foreach (var step in OnboardingSteps(_home)) _onboarding.Enqueue(step);
    }

    private static string[] OnboardingSteps((string Community, string Compound, int Building) home) =>
        ["你好", home.Community, home.Compound, $"{home.Building}号楼", "是"];

    private static (string Community, string Compound, int Building) HomeOf(int n)
    {
        // 中隐澜湾 has three grids of four buildings: give it a share to match, so every grid sees reports.
        var (community, compound, buildings) = Homes[(n % 5) switch { 0 => 0, 1 => 1, _ => 2 }];
        return (community, compound, n / 5 % buildings + 1);
    }
}
