using System.Diagnostics.Metrics;
using GovBot.Host.Telemetry;

namespace GovBot.Host.Reminders;

/// <summary>Meter "GovBot", the reminders: each firing by kind and what came of it, and the pushes it queued.</summary>
public sealed class ReminderMetrics
{
    private readonly Counter<long> _runs;
    private readonly Counter<long> _pushes;
    private readonly GovBot.Host.Staff.SystemTally _tally;

    public ReminderMetrics(IMeterFactory meters, GovBot.Host.Staff.SystemTally tally)
    {
        _tally = tally;
        var meter = meters.Create(TelemetryHosting.MeterName);
        _runs = meter.CreateCounter<long>("govbot.reminders.runs", "{run}",
            "Reminder firings by kind and outcome: fired (pushed someone), skipped (nobody was due), failed (tried again next firing).");
        _pushes = meter.CreateCounter<long>("govbot.reminders.pushes", "{push}", "Pushes queued by reminders, by kind.");
    }

    public void Ran(string kind, int pushed)
    {
        _runs.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("outcome", pushed > 0 ? "fired" : "skipped"));
        if (pushed > 0) _pushes.Add(pushed, new KeyValuePair<string, object?>("kind", kind));
        // Also kept for the 「系统」 page, which charts these from SystemSamples.
        _tally.Add(pushed > 0 ? "reminder.fired" : "reminder.skipped", kind);
    }

    public void Failed(string kind)
    {
        _runs.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("outcome", "failed"));
        _tally.Add("reminder.failed", kind);
    }
}
