using System.Diagnostics.Metrics;
using GovBot.Host.Telemetry;
using GovBot.Skills.Conversation;
using GovBot.Skills.Nlu;

namespace GovBot.Host.Turns;

/// <summary>Meter "GovBot", the turns' side: how long turns take by skill, how answers go out, what members ask for.</summary>
public sealed class TurnMetrics
{
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _answers;
    private readonly Counter<long> _messages;

    public TurnMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(TelemetryHosting.MeterName);
        _duration = meter.CreateHistogram<double>("govbot.turn.duration", "s",
            "Time the conversation engine took for one message, by the skill that answered (\"none\" when none did).");
        _answers = meter.CreateCounter<long>("govbot.answers", "{answer}",
            "Answers to members by delivery: passive (inside WeCom's callback) or pushed (sent later through message/send).");
        _messages = meter.CreateCounter<long>("govbot.messages", "{message}",
            "Messages handled, by recognised intent; fallback=true when the bot did not understand (no intent, no skill or dialog took it).");
    }

    /// <summary>One run of the engine; a turn the store made run again (busy, or found to write) is timed each time it ran.</summary>
    public void TurnRan(TurnResult result, TimeSpan took) =>
        _duration.Record(took.TotalSeconds, new KeyValuePair<string, object?>("skill", result.Skill ?? "none"));

    /// <summary>Once per message, when its turn committed.</summary>
    public void MessageHandled(TurnResult result) =>
        _messages.Add(1, new KeyValuePair<string, object?>("intent", result.Intent),
            new KeyValuePair<string, object?>("fallback", IsFallback(result)));

    /// <summary>Not understood: no intent was recognised and no skill (nor an open dialog) took the message.</summary>
    public static bool IsFallback(TurnResult result) => result.Intent == Intents.Other && result.Skill is null;

    public void AnsweredPassively() => _answers.Add(1, new KeyValuePair<string, object?>("delivery", "passive"));

    public void AnswerPushed() => _answers.Add(1, new KeyValuePair<string, object?>("delivery", "pushed"));
}
