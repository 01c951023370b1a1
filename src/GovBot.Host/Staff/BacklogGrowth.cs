namespace GovBot.Host.Staff;

/// <summary>
/// Whether the inbox or outbox backlog keeps growing, read from the levels <see cref="SystemSampler"/> writes every
/// 5 minutes (<c>backlog.inbox</c>, <c>backlog.outbox</c>). Each instance's samples are a series of their own: two
/// instances sampling the shared store a moment apart would otherwise look like a flat step.
/// </summary>
public static class BacklogGrowth
{
    public const string Inbox = "backlog.inbox", Outbox = "backlog.outbox";

    /// <summary>A backlog level one instance sampled.</summary>
    public sealed record Sample(string Name, string Host, DateTimeOffset At, long Value);

    /// <summary>
    /// The values of the latest series of <paramref name="samples"/> long (oldest first) that rose at every sample and
    /// ended at or above <paramref name="floor"/>; null when no instance's does. Only samples taken within the last
    /// samples + 1 intervals count, so a series broken by a stopped instance is not read as consecutive.
    /// </summary>
    public static IReadOnlyList<long>? Rising(IEnumerable<Sample> all, string name, DateTimeOffset now, int samples, int floor)
    {
        var since = now - (samples + 1) * SystemSampler.Interval;
        IReadOnlyList<long>? worst = null;
        foreach (var series in all.Where(s => s.Name == name && s.At >= since).GroupBy(s => s.Host))
        {
            var last = series.OrderBy(s => s.At).TakeLast(samples).Select(s => s.Value).ToList();
            if (last.Count < samples || last[^1] < floor) continue;
            if (!last.Zip(last.Skip(1)).All(p => p.Second > p.First)) continue;
            if (worst is null || last[^1] > worst[^1]) worst = last;
        }
        return worst;
    }
}
