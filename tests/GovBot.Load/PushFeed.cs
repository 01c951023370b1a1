using System.Collections.Concurrent;
using System.Threading.Channels;
using GovBot.Emulator;

namespace GovBot.Load;

/// <summary>Every message/send (and kf/send_msg) the stand-in accepts, sorted into one queue per member, as their phone would show it.</summary>
public sealed class PushFeed(WeComApiStandIn standIn) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Channel<string>> _byUser = new();
    private readonly CancellationTokenSource _stop = new();
    private Task? _pump;
    private long _sends;

    public long Sends => Interlocked.Read(ref _sends);

    public void Start() => _pump = Task.Run(async () =>
    {
        try
        {
            await foreach (var call in standIn.WatchAsync(_stop.Token))
            {
                // A WeChat user's answers come through the customer-service account (kf/send_msg), the others' through the app.
                var kf = call.Endpoint is "kf/send_msg" or "kf/send_msg_on_event";
                if (call.Endpoint != "message/send" && !kf) continue;
                Interlocked.Increment(ref _sends);
                var text = kf ? WeComApiStandIn.KfText(call)
                    : call.MsgType == "text" ? call.Body.GetProperty("text").GetProperty("content").GetString() ?? "" : call.MsgType ?? "";
                foreach (var user in call.Recipients) For(user).Writer.TryWrite(text);
            }
        }
        catch (OperationCanceledException) { }
    });

    /// <summary>The next push to <paramref name="user"/>, or null when none comes in time.</summary>
    public async Task<string?> NextAsync(string user, TimeSpan wait)
    {
        using var timeout = new CancellationTokenSource(wait);
        try
        {
            return await For(user).Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>Drops what a member was pushed but has not read (e.g. status notices for others' taps).</summary>
    public void Clear(string user)
    {
        var reader = For(user).Reader;
        while (reader.TryRead(out _)) { }
    }

    private Channel<string> For(string user) => _byUser.GetOrAdd(user, _ => Channel.CreateUnbounded<string>());

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_pump is not null) await _pump;
        _stop.Dispose();
    }
}
