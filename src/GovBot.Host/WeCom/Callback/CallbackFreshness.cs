using System.Globalization;
using GovBot.Host.WeCom.Api;

namespace GovBot.Host.WeCom.Callback;

/// <summary>
/// The signature proves WeCom sent a callback, not when: without a time window, a captured callback could be replayed
/// for ever (and a new MsgId-less event would slip past de-duplication).
/// </summary>
internal static class CallbackFreshness
{
    public static bool IsFresh(string? timestamp, WeComOptions options, TimeProvider time)
    {
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)) return false;
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var age = now - seconds;
        return age <= (long)options.CallbackMaxAge.TotalSeconds && -age <= (long)options.CallbackMaxAhead.TotalSeconds;
    }
}
