using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace GovBot.Emulator;

/// <summary>The accepted calls, in order, and a live feed of them for each watcher (e.g. a chat page).</summary>
internal sealed class StandInRecorder
{
    private readonly List<WeComApiCall> _calls = [];
    private readonly List<Channel<WeComApiCall>> _watchers = [];
    private readonly Lock _gate = new();
    private long _sequence;

    public WeComApiCall Record(Func<long, WeComApiCall> make)
    {
        lock (_gate)
        {
            var call = make(++_sequence);
            _calls.Add(call);
            foreach (var watcher in _watchers) watcher.Writer.TryWrite(call);
            return call;
        }
    }

    public IReadOnlyList<WeComApiCall> Snapshot()
    {
        lock (_gate) return _calls.ToArray();
    }

    public void Clear()
    {
        lock (_gate) _calls.Clear();
    }

    /// <summary>
    /// Every call accepted from now on. The watcher is registered before this returns, not on the first read, so a
    /// caller that starts reading later still sees the calls made in between.
    /// </summary>
    public IAsyncEnumerable<WeComApiCall> WatchAsync(CancellationToken ct)
    {
        var feed = Channel.CreateUnbounded<WeComApiCall>(new UnboundedChannelOptions { SingleReader = true });
        lock (_gate) _watchers.Add(feed);
        return ReadAsync(feed, ct);
    }

    private async IAsyncEnumerable<WeComApiCall> ReadAsync(Channel<WeComApiCall> feed, [EnumeratorCancellation] CancellationToken ct)
    {
        try
        {
            await foreach (var call in feed.Reader.ReadAllAsync(ct)) yield return call;
        }
        finally
        {
            lock (_gate) _watchers.Remove(feed);
        }
    }
}
