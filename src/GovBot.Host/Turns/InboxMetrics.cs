using System.Diagnostics.Metrics;
using GovBot.Data;
using GovBot.Data.Messaging;
using GovBot.Host.Telemetry;

namespace GovBot.Host.Turns;

/// <summary>Meter "GovBot", the inbox: messages taken in but not yet handled, and how long the oldest has waited.</summary>
public sealed class InboxMetrics
{
    private readonly StoreReading<(int Pending, DateTimeOffset? Oldest)> _reading;

    public InboxMetrics(IMeterFactory meters, IServiceScopeFactory scopes, TimeProvider time)
    {
        _reading = new StoreReading<(int, DateTimeOffset?)>(Read, scopes, time);
        var meter = meters.Create(TelemetryHosting.MeterName);
        meter.CreateObservableGauge("govbot.inbox.pending", () => _reading.Current().Pending, "{message}",
            "Messages stored but not yet answered (waiting for their member's turn, or over the member's limit).");
        meter.CreateObservableGauge("govbot.inbox.oldest_age", () => _reading.Current().Oldest is { } oldest
                ? Math.Max(0, (time.GetUtcNow() - oldest).TotalSeconds) : 0, "s",
            "How long the oldest unanswered message has waited; 0 when none waits.");
    }

    private static (int, DateTimeOffset?) Read(IServiceProvider services)
    {
        var db = services.GetRequiredService<GovBotDb>();
        var pending = db.Inbox.Where(m => m.Status == InboxStatus.Pending);
        return (pending.Count(), pending.OrderBy(m => m.ReceivedAt).Select(m => (DateTimeOffset?)m.ReceivedAt).FirstOrDefault());
    }
}
