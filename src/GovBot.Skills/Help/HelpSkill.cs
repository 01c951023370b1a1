using System.Text;
using System.Text.RegularExpressions;
using GovBot.Skills.Conversation;
using GovBot.Skills.Nlu;

namespace GovBot.Skills.Help;

/// <summary>
/// 帮助/菜单/你好: what the bot can do, built from the skills that are registered. A grid worker or staff member sees
/// the lines for their roles first (待办, 今日巡查, 待审核 …), then what everyone can do; nobody sees another role's lines.
/// </summary>
public sealed partial class HelpSkill(IServiceProvider services) : ISkill
{
    public string Name => ConversationEngine.HelpSkill;
    public IReadOnlyCollection<string> Intents { get; } = [Nlu.Intents.Help];
    public MenuEntry? Menu => null;

    public Task<Reply> StartAsync(TurnContext turn, CancellationToken ct)
    {
        // Resolved lazily: the registry holds this skill too, so it cannot be a constructor dependency.
        var registry = (SkillRegistry)services.GetService(typeof(SkillRegistry))!;
        var work = registry.Menu.Where(e => !e.IsForEveryone && e.IsFor(turn.User)).ToList();
        // 「你是机器人吗」 deserves a straight answer before the menu, and the way to a person.
        var text = new StringBuilder(AsksWhoWeAre(turn.Text) ? "我是社区的智能小助手，是机器人自动回复的；要找真人，回复「转人工」就行。\n" : "");
        text.Append("您好！我是社区小助手");
        if (work.Count > 0)
        {
            text.Append("。您的工作：");
            Lines(text, work);
            text.Append("\n也可以帮您：");
        }
        else
        {
            text.Append("，可以帮您：");
        }
        Lines(text, registry.Menu.Where(e => e.IsForEveryone));
        text.Append("\n直接打字说就行，随时回复「取消」可以退出正在办的事。");
        return Task.FromResult(Reply.Text(text.ToString()));
    }

    public Task<Reply> ContinueAsync(TurnContext turn, CancellationToken ct) => StartAsync(turn, ct);

    public Task<Reply> OnButtonAsync(TurnContext turn, string action, CancellationToken ct) => StartAsync(turn, ct);

    private static bool AsksWhoWeAre(string text) =>
        WhoWords.Any(w => text.Contains(w, StringComparison.Ordinal)) || StandaloneAi().IsMatch(text);

    private static readonly string[] WhoWords = ["机器人", "机器", "真人", "人工智能", "自动回复", "你是谁", "你是人", "是人吗", "活人"];

    [GeneratedRegex("(?<![a-z])ai(?![a-z])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StandaloneAi();

    private static void Lines(StringBuilder text, IEnumerable<MenuEntry> entries)
    {
        foreach (var entry in entries)
            text.Append("\n· ").Append(entry.Title).Append("，比如「").Append(entry.Example).Append('」');
    }
}
