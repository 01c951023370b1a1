using System.Text.RegularExpressions;
using GovBot.Skills.Nlu;

namespace GovBot.Skills.Ai;

/// <summary>
/// Checks a model's proposal against what the store knows, the same vocabulary the rules use: a category, place or
/// service must be one of the county's own (an alias is turned into its name), numbers must be numbers. One bad
/// value rejects the whole proposal, since a model that invents one thing may have invented the rest.
/// </summary>
public sealed partial class ProposalValidator(IGazetteer gazetteer, RuleIntentRouter rules)
{
    /// <summary>The proposal with canonical slot values, or null when anything in it is unknown.</summary>
    public IntentProposal? Validate(IntentProposal proposal)
    {
        if (!Intents.All.Contains(proposal.Intent)) return null;
        var valid = IntentProposal.Of(proposal.Intent);
        foreach (var (entity, value) in proposal.Slots)
        {
            if (Canonical(entity, value) is not { } canonical) return null;
            valid = valid.With(entity, canonical);
        }
        return valid;
    }

    private string? Canonical(string entity, string value) => entity switch
    {
        Entities.Category => Lookup(gazetteer.ReportCategories, value),
        Entities.Compound => Lookup(gazetteer.Compounds, value),
        Entities.Community => Lookup(gazetteer.Communities, value),
        Entities.Service => Lookup(gazetteer.Services, value),
        Entities.Building or Entities.Unit or Entities.Room => Number().Match(value) is { Success: true } m
            ? int.Parse(m.Groups[1].ValueSpan, provider: System.Globalization.CultureInfo.InvariantCulture).ToString(System.Globalization.CultureInfo.InvariantCulture)
            : null,
        Entities.Ticket => rules.Rules.TicketPattern.Match(value) is { Success: true } t && t.Length == value.Length ? value.ToUpperInvariant() : null,
        _ => null,
    };

    private static string? Lookup(IReadOnlyList<GazetteerEntry> entries, string value)
    {
        foreach (var e in entries)
        {
            if (e.Name == value || e.Aliases.Contains(value)) return e.Name;
        }
        return null;
    }

    // "3", "3号楼", "3栋", "2单元", "301室": the digits are what the skills read.
    [GeneratedRegex(@"^\s*0*(\d{1,4})\s*(?:号楼|号|栋|幢|单元|室)?\s*$")]
    private static partial Regex Number();
}
