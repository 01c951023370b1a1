using Microsoft.Extensions.DependencyInjection;

namespace GovBot.Skills.Conversation;

/// <summary>The skills of one turn's scope, looked up by intent, name or button key and made when first asked for.</summary>
public sealed class SkillRegistry(SkillCatalog catalog, IServiceProvider services)
{
    public ISkill? ByName(string name) => Make(catalog.ByName(name));

    public ISkill? ForIntent(string intent) => Make(catalog.ForIntent(intent));

    /// <summary>The help menu's lines, in menu order.</summary>
    public IReadOnlyList<MenuEntry> Menu => catalog.Menu;

    /// <summary>Button keys look like "skill:action"; returns the skill and the action part.</summary>
    public (ISkill Skill, string Action)? ForButton(string key)
    {
        var colon = key.IndexOf(':');
        if (colon <= 0) return null;
        return ByName(key[..colon]) is { } skill ? (skill, key[(colon + 1)..]) : null;
    }

    private ISkill? Make(Type? type) => type is null ? null : (ISkill)services.GetRequiredService(type);
}
