using System.Diagnostics.Metrics;

namespace GovBot.Skills.Ai;

/// <summary>Meter <c>GovBot.Ai</c>: how often the model is asked, and why the rules had to answer instead.</summary>
public sealed class AiMetrics
{
    public const string MeterName = "GovBot.Ai";

    private readonly Counter<long> _calls;
    private readonly Counter<long> _fallbacks;

    public AiMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _calls = meter.CreateCounter<long>("llm_calls", description: "Messages sent to the language model.");
        _fallbacks = meter.CreateCounter<long>("llm_fallbacks", description: "Model answers replaced by the rules, by reason.");
    }

    public void Called() => _calls.Add(1);

    public void FellBack(string reason) => _fallbacks.Add(1, new KeyValuePair<string, object?>("reason", reason));
}
