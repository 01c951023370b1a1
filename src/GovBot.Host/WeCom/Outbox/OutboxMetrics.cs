using System.Diagnostics.Metrics;
using GovBot.Data;
using GovBot.Data.Messaging;
using GovBot.Host.Telemetry;

namespace GovBot.Host.WeCom.Outbox;

/// <summary>Meter "GovBot", the outbox: pushes due but not yet sent, and how long the oldest has been due.</summary>
public sealed class OutboxMetrics
{
    private readonly StoreReading<(int Backlog, DateTimeOffset? Oldest)> _reading;

    public OutboxMetrics(IMeterFactory meters, IServiceScopeFactory scopes, TimeProvider time)
    {
        _reading = new StoreReading<(int, DateTimeOffset?)>(services => Read(services, time.GetUtcNow()), scopes, time);
        var meter = meters.Create(TelemetryHosting.MeterName);
        meter.CreateObservableGauge("govbot.outbox.backlog", () => _reading.Current().Backlog, "{push}",
            "Pushes due now and not yet sent (waiting for the dispatcher, WeCom's limits or a retry); later pushes (quiet hours) are not counted.");
        meter.CreateObservableGauge("govbot.outbox.oldest_age", () => _reading.Current().Oldest is { } oldest
                ? Math.Max(0, (time.GetUtcNow() - oldest).TotalSeconds) : 0, "s",
            "How long the oldest unsent push has been due; 0 when none is.");
    }

    private static (int, DateTimeOffset?) Read(IServiceProvider services, DateTimeOffset now)
    {
        var db = services.GetRequiredService<GovBotDb>();
        var due = db.Outbox.Where(o => o.Status == OutboxStatus.Pending && o.NotBefore <= now);
        return (due.Count(), due.OrderBy(o => o.NotBefore).Select(o => (DateTimeOffset?)o.NotBefore).FirstOrDefault());
    }
}
