using System.Collections.Concurrent;

namespace GovBot.Host.Staff;

/// <summary>
/// Counts kept beside the OpenTelemetry counters for figures that exist only in process memory (reminder runs), so
/// that <see cref="SystemSampler"/> can write down what changed since its last sample. Simpler than a MeterListener,
/// and independent of whether metrics are exported at all.
/// </summary>
public sealed class SystemTally
{
    private readonly ConcurrentDictionary<(string Name, string Tag), long> _counts = new();

    public void Add(string name, string tag, long value = 1) => _counts.AddOrUpdate((name, tag), value, (_, v) => v + value);

    /// <summary>Takes every count and leaves zero behind; what is added meanwhile goes to the next drain.</summary>
    public IReadOnlyList<(string Name, string Tag, long Value)> Drain()
    {
        var taken = new List<(string, string, long)>();
        foreach (var key in _counts.Keys)
            if (_counts.TryRemove(key, out var value) && value != 0) taken.Add((key.Name, key.Tag, value));
        return taken;
    }
}
