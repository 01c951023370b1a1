using System.Collections.Immutable;

namespace GovBot.Skills.Ai;

/// <summary>
/// What a skill's plugin function returns when the model picks it: an intent and its slots, keyed by entity name
/// (<see cref="Nlu.Entities"/>). Only a proposal: the router validates it and the skill confirms with the user.
/// </summary>
public sealed record IntentProposal(string Intent, ImmutableDictionary<string, string> Slots)
{
    public static IntentProposal Of(string intent) => new(intent, ImmutableDictionary<string, string>.Empty);

    /// <summary>Adds a slot; the model leaves out what it does not know, as empty or null.</summary>
    public IntentProposal With(string entity, string? value) =>
        string.IsNullOrWhiteSpace(value) ? this : this with { Slots = Slots.SetItem(entity, value.Trim()) };
}
