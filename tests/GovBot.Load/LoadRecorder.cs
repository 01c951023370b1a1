using System.Collections.Concurrent;

namespace GovBot.Load;

/// <summary>
/// What the members experienced: callback latencies, how answers came, and what they filed. Throughput and latency
/// count only messages sent once measuring has begun (after the warm-up); the audit counts every message.
/// </summary>
public sealed class LoadRecorder
{
    private readonly ConcurrentBag<double> _latenciesMs = [];
    private readonly ConcurrentDictionary<int, long> _perWindow = new();
    private volatile bool _measuring = true;
    private long _measured;
    private long _messages, _passive, _pushed, _unanswered, _retries, _failures, _reportsFiled, _unexpected;

    public long Messages => Interlocked.Read(ref _messages);
    /// <summary>Messages answered (callback returned) while measuring.</summary>
    public long Measured => Interlocked.Read(ref _measured);
    public bool Measuring { get => _measuring; set => _measuring = value; }
    public long Passive => Interlocked.Read(ref _passive);
    public long Pushed => Interlocked.Read(ref _pushed);
    public long Unanswered => Interlocked.Read(ref _unanswered);
    public long Retries => Interlocked.Read(ref _retries);
    public long Failures => Interlocked.Read(ref _failures);
    public long ReportsFiled => Interlocked.Read(ref _reportsFiled);
    public long Unexpected => Interlocked.Read(ref _unexpected);

    /// <summary>A callback answered; <paramref name="window"/> is the number of the throughput window it fell in.</summary>
    public void Callback(TimeSpan latency, int window)
    {
        if (!_measuring) return;
        _latenciesMs.Add(latency.TotalMilliseconds);
        Interlocked.Increment(ref _measured);
        _perWindow.AddOrUpdate(window, 1, (_, n) => n + 1);
    }

    /// <summary>Answered callbacks per window, in order, from the first measured window to the last.</summary>
    public IReadOnlyList<long> PerWindow()
    {
        if (_perWindow.IsEmpty) return [];
        var keys = _perWindow.Keys.ToArray();
        return [.. Enumerable.Range(keys.Min(), keys.Max() - keys.Min() + 1).Select(w => _perWindow.GetValueOrDefault(w))];
    }
    public void Message() => Interlocked.Increment(ref _messages);
    public void AnsweredPassively() => Interlocked.Increment(ref _passive);
    public void AnsweredByPush() => Interlocked.Increment(ref _pushed);
    public void NotAnswered() => Interlocked.Increment(ref _unanswered);
    public void Retried() => Interlocked.Increment(ref _retries);
    public void Failed() => Interlocked.Increment(ref _failures);
    public void ReportFiled() => Interlocked.Increment(ref _reportsFiled);
    public void UnexpectedReply() => Interlocked.Increment(ref _unexpected);

    public double Percentile(double p)
    {
        var sorted = _latenciesMs.ToArray();
        if (sorted.Length == 0) return 0;
        Array.Sort(sorted);
        return sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
