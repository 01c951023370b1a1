namespace GovBot.Host.Telemetry;

/// <summary>
/// A figure read from the store for an observable gauge, kept for <see cref="MaxAge"/>: a scrape (or several exporters,
/// several gauges) costs at most one query every few seconds. A failed read keeps the last value and is tried next time.
/// </summary>
public sealed class StoreReading<T>(Func<IServiceProvider, T> read, IServiceScopeFactory scopes, TimeProvider time)
    where T : struct
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private T _value;
    private DateTimeOffset _readAt = DateTimeOffset.MinValue;

    public T Current()
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (now - _readAt < MaxAge) return _value;
            _readAt = now;
            try
            {
                using var scope = scopes.CreateScope();
                _value = read(scope.ServiceProvider);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Telemetry must never fail the host; the figure is simply a little stale.
            }
            return _value;
        }
    }
}
