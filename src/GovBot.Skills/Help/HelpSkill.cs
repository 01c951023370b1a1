using System.Text;
using GovBot.Skills.Conversation;
using GovBot.Skills.Nlu;

namespace GovBot.Skills.Help;

/// <summary>
/// 帮助/菜单/你好: what the bot can do, built from the skills that are registered. A grid worker or staff member sees
/// the lines for their roles first (待办, 今日巡查, 待审核 …), then what everyone can do; nobody sees another role's lines.
/// </summary>
public sealed class HelpSkill(IServiceProvider services) : ISkill
{
    public string Name => ConversationEngine.HelpSkill;
    public IReadOnlyCollection<string> Intents { get; } = [Nlu.Intents.Help];
    public MenuEntry? Menu => null;

    public Task<Reply> StartAsync(TurnContext turn, CancellationToken ct)
    {
        // Resolved lazily: the registry holds this skill too, so it cannot be a constructor dependency.
        var registry = (SkillRegistry)services.GetService(typeof(SkillRegistry))!;
        var work = registry.Menu.Where(e => !e.IsForEveryone && e.IsFor(turn.User)).ToList();
        var text = new StringBuilder("您好！我是社区小助手");
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

    private static void Lines(StringBuilder text, IEnumerable<MenuEntry> entries)
    {
        foreach (var entry in entries)
            text.Append("\n· ").Append(entry.Title).Append("，比如「").Append(entry.Example).Append('」');
    }
}
