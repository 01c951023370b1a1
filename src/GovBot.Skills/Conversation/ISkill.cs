using GovBot.Data.People;

namespace GovBot.Skills.Conversation;

/// <summary>
/// A line of the help menu: what the skill does and a message that starts it. <paramref name="For"/> names the roles
/// it is for (a grid worker's 我的待办); <see cref="Roles.None"/>, the default, is everyone's.
/// </summary>
public sealed record MenuEntry(string Title, string Example, int Order = 100, Roles For = Roles.None)
{
    public bool IsForEveryone => For == Roles.None;

    public bool IsFor(Person person) => IsForEveryone || (person.Roles & For) != 0;
}

/// <summary>
/// A capability of the bot. Skills register with <see cref="ConversationRegistration.AddSkill{TSkill}"/>;
/// the engine finds them by intent, by dialog and by card button prefix, so adding one touches nothing else.
/// </summary>
public interface ISkill
{
    /// <summary>Stable name; prefixes the skill's button keys ("reports:accept:17") and names its dialogs.</summary>
    string Name { get; }

    /// <summary>Intents that start this skill.</summary>
    IReadOnlyCollection<string> Intents { get; }

    MenuEntry? Menu { get; }

    /// <summary>What a dialog of this skill is about, in a word or two, as in 「刚才的预约还继续吗？」.</summary>
    string Topic => "事";

    /// <summary>Every line the skill adds to the menu; a skill with lines for several roles lists them here.</summary>
    IEnumerable<MenuEntry> MenuEntries => Menu is { } entry ? [entry] : [];

    /// <summary>A message with one of <see cref="Intents"/> arrived outside any dialog.</summary>
    Task<Reply> StartAsync(TurnContext turn, CancellationToken ct);

    /// <summary>A message arrived while this skill's dialog is open.</summary>
    Task<Reply> ContinueAsync(TurnContext turn, CancellationToken ct);

    /// <summary>A card button of this skill was tapped; <paramref name="action"/> is the key after "name:".</summary>
    Task<Reply> OnButtonAsync(TurnContext turn, string action, CancellationToken ct);
}
