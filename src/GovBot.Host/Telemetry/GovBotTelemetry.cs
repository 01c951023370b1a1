using System.Diagnostics;

namespace GovBot.Host.Telemetry;

/// <summary>
/// The one <see cref="ActivitySource"/> "GovBot", and the W3C trace context that travels with an inbox or outbox row:
/// a message's turn may run after its callback returned (the drain), and its push is sent by the outbox dispatcher
/// later still, so the row carries the context and those spans start as its children.
/// </summary>
public static class GovBotTelemetry
{
    public const string SourceName = "GovBot";

    public static readonly ActivitySource Source = new(SourceName);

    /// <summary>The current span's context as a W3C <c>traceparent</c>, or null outside a sampled span.</summary>
    public static string? CurrentContext() =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C } current ? current.Id : null;

    /// <summary>Starts a span as a child of a stored <c>traceparent</c>; a missing or unreadable one starts a new trace.</summary>
    public static Activity? StartFrom(string name, string? traceContext, ActivityKind kind = ActivityKind.Internal) =>
        traceContext is not null && ActivityContext.TryParse(traceContext, null, out var parent)
            ? Source.StartActivity(name, kind, parent)
            : Source.StartActivity(name, kind);
}
