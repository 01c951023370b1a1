using GovBot.Skills.Nlu;
using Microsoft.Extensions.DependencyInjection;

namespace GovBot.Skills.Conversation;

/// <summary>A skill class registered with <see cref="ConversationRegistration.AddSkill{TSkill}"/>.</summary>
public sealed record SkillType(Type Type);

/// <summary>
/// Which skill answers which name and intent, and the help menu's lines: read once from one instance of each skill,
/// so that a turn makes only the skill it hands the message to, not every skill and everything they depend on.
/// </summary>
public sealed class SkillCatalog
{
    private readonly Lazy<Index> _index;

    public SkillCatalog(IEnumerable<SkillType> types, IServiceScopeFactory scopes) =>
        _index = new Lazy<Index>(() => Read([.. types], scopes));

    public Type? ByName(string name) => _index.Value.ByName.GetValueOrDefault(name);

    public Type? ForIntent(string intent) => _index.Value.ByIntent.GetValueOrDefault(intent);

    /// <summary>The help menu's lines, in menu order.</summary>
    public IReadOnlyList<MenuEntry> Menu => _index.Value.Menu;

    private sealed record Index(Dictionary<string, Type> ByName, Dictionary<string, Type> ByIntent, IReadOnlyList<MenuEntry> Menu);

    private static Index Read(IReadOnlyList<SkillType> types, IServiceScopeFactory scopes)
    {
        using var scope = scopes.CreateScope();
        var byName = new Dictionary<string, Type>(StringComparer.Ordinal);
        var byIntent = new Dictionary<string, (Type Type, string Name)>(StringComparer.Ordinal);
        var menu = new List<MenuEntry>();
        foreach (var type in types.Select(t => t.Type).Distinct())
        {
            var skill = (ISkill)scope.ServiceProvider.GetRequiredService(type);
            if (!byName.TryAdd(skill.Name, type))
                throw new InvalidOperationException($"Two skills are named '{skill.Name}'.");
            foreach (var intent in skill.Intents)
            {
                if (!Intents.All.Contains(intent))
                    throw new InvalidOperationException($"Skill '{skill.Name}' claims unknown intent '{intent}'.");
                if (!byIntent.TryAdd(intent, (type, skill.Name)))
                    throw new InvalidOperationException($"Intent '{intent}' is claimed by both '{byIntent[intent].Name}' and '{skill.Name}'.");
            }
            menu.AddRange(skill.MenuEntries);
        }
        return new Index(byName, byIntent.ToDictionary(p => p.Key, p => p.Value.Type, StringComparer.Ordinal),
            [.. menu.OrderBy(m => m.Order)]);
    }
}
