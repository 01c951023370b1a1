using GovBot.Skills.Nlu;

namespace GovBot.Skills.Conversation;

/// <summary>The registered skills of one turn's scope, looked up by intent, name or button key.</summary>
public sealed class SkillRegistry
{
    private readonly Dictionary<string, ISkill> _byName;
    private readonly Dictionary<string, ISkill> _byIntent;

    public SkillRegistry(IEnumerable<ISkill> skills)
    {
        All = [.. skills];
        _byName = All.ToDictionary(s => s.Name, StringComparer.Ordinal);
        _byIntent = [];
        foreach (var skill in All)
        foreach (var intent in skill.Intents)
        {
            if (!Intents.All.Contains(intent))
                throw new InvalidOperationException($"Skill '{skill.Name}' claims unknown intent '{intent}'.");
            if (!_byIntent.TryAdd(intent, skill))
                throw new InvalidOperationException($"Intent '{intent}' is claimed by both '{_byIntent[intent].Name}' and '{skill.Name}'.");
        }
    }

    public IReadOnlyList<ISkill> All { get; }

    public ISkill? ByName(string name) => _byName.GetValueOrDefault(name);

    public ISkill? ForIntent(string intent) => _byIntent.GetValueOrDefault(intent);

    /// <summary>Button keys look like "skill:action"; returns the skill and the action part.</summary>
    public (ISkill Skill, string Action)? ForButton(string key)
    {
        var colon = key.IndexOf(':');
        if (colon <= 0) return null;
        return ByName(key[..colon]) is { } skill ? (skill, key[(colon + 1)..]) : null;
    }
}
