using System.Text;
using GovBot.Skills.Conversation;
using GovBot.Skills.Nlu;

namespace GovBot.Skills.Help;

/// <summary>帮助/菜单/你好: what the bot can do, built from the skills that are registered.</summary>
public sealed class HelpSkill(IServiceProvider services) : ISkill
{
    public string Name => ConversationEngine.HelpSkill;
    public IReadOnlyCollection<string> Intents { get; } = [Nlu.Intents.Help];
    public MenuEntry? Menu => null;

    public Task<Reply> StartAsync(TurnContext turn, CancellationToken ct)
    {
        // Resolved lazily: the registry holds this skill too, so it cannot be a constructor dependency.
        var registry = (SkillRegistry)services.GetService(typeof(SkillRegistry))!;
        var text = new StringBuilder("您好！我是社区小助手，可以帮您：");
        foreach (var entry in registry.Menu)
            text.Append("\n· ").Append(entry.Title).Append("，比如「").Append(entry.Example).Append('」');
        text.Append("\n直接打字说就行，随时回复「取消」可以退出正在办的事。");
        return Task.FromResult(Reply.Text(text.ToString()));
    }

    public Task<Reply> ContinueAsync(TurnContext turn, CancellationToken ct) => StartAsync(turn, ct);

    public Task<Reply> OnButtonAsync(TurnContext turn, string action, CancellationToken ct) => StartAsync(turn, ct);
}
