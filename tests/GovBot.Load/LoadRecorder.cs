using System.Collections.Concurrent;

namespace GovBot.Load;

/// <summary>What the members experienced: callback latencies, how answers came, and what they filed.</summary>
public sealed class LoadRecorder
{
    private readonly ConcurrentBag<double> _latenciesMs = [];
    private long _messages, _passive, _pushed, _unanswered, _retries, _failures, _reportsFiled, _unexpected;

    public long Messages => Interlocked.Read(ref _messages);
    public long Passive => Interlocked.Read(ref _passive);
    public long Pushed => Interlocked.Read(ref _pushed);
    public long Unanswered => Interlocked.Read(ref _unanswered);
    public long Retries => Interlocked.Read(ref _retries);
    public long Failures => Interlocked.Read(ref _failures);
    public long ReportsFiled => Interlocked.Read(ref _reportsFiled);
    public long Unexpected => Interlocked.Read(ref _unexpected);

    public void Callback(TimeSpan latency) => _latenciesMs.Add(latency.TotalMilliseconds);
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
