namespace GovBot.Skills.Ai;

/// <summary>Why the rules answered although a model is configured; reported by /api/nlu/parse and counted in metrics.</summary>
public static class FallbackReason
{
    public const string Timeout = "timeout";
    public const string Error = "error";
    /// <summary>The model answered in words instead of choosing a function.</summary>
    public const string NoFunction = "no_function";
    public const string UnknownFunction = "unknown_function";
    /// <summary>Arguments that do not parse, or slot values the store does not know.</summary>
    public const string Invalid = "invalid";
}
