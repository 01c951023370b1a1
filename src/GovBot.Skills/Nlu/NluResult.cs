namespace GovBot.Skills.Nlu;

public sealed record IntentMatch(string Name, double Confidence);

/// <summary>A span of the user's text that names something; Start/End are UTF-16 offsets, End exclusive.</summary>
public sealed record EntityMatch(string Entity, string Value, int Start, int End);

/// <param name="Router">Which router produced the result: "rules" (certain rules), "classifier" (the trained classifier) or "llm".</param>
/// <param name="Fallback">Why the rules answered although a model is configured (<c>GovBot.Skills.Ai.FallbackReason</c>); null otherwise.</param>
public sealed record NluResult(IntentMatch Intent, IReadOnlyList<EntityMatch> Entities, string Router = "rules", string? Fallback = null)
{
    public string? Find(string entity) => Entities.FirstOrDefault(e => e.Entity == entity)?.Value;
}

public interface IIntentRouter
{
    Task<NluResult> ParseAsync(string text, CancellationToken ct = default);

    /// <summary>
    /// True when parsing never waits on a model or the network, so that a turn may run inside WeCom's callback;
    /// a router that may take seconds leaves turns to run beside the callback, which answers within its budget.
    /// </summary>
    bool AnswersAtOnce => false;
}
