using System.Globalization;
using GovBot.Skills.State;
using Microsoft.Extensions.Options;

namespace GovBot.Skills.Conversation;

public sealed class RateLimitOptions
{
    /// <summary>Turns a member may have in one <see cref="Window"/>; the name stays from when the window was fixed at a minute.</summary>
    public int MessagesPerMinute { get; set; } = 30;

    /// <summary>The window the limit counts in; a minute in production, shorter in tests that wait it out.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

public enum RateVerdict
{
    Allowed,
    /// <summary>Over the limit, and the member has not heard so in this window: the message waits, the member is told once.</summary>
    NoticeOnce,
    /// <summary>Over the limit, already told: the message waits quietly.</summary>
    Silent,
}

/// <summary>
/// A flood of messages from one member gets one polite notice, not hundreds of replies; the messages over the limit
/// are not dropped but wait, and are handled in order once the window has passed (see the host's turn processor).
/// Only turns that run are counted, so a message that waits does not push its own turn further away. The host runs
/// one turn of a member at a time, so reading the count before adding to it races with nothing.
/// </summary>
public sealed class TurnRateLimiter(IStateStore state, IOptions<RateLimitOptions> options)
{
    public async Task<RateVerdict> CheckAsync(string userId, CancellationToken ct)
    {
        var o = options.Value;
        var counted = await state.GetAsync("rate:" + userId, ct);
        if (counted is null || long.Parse(counted, CultureInfo.InvariantCulture) < o.MessagesPerMinute)
        {
            await state.IncrementAsync("rate:" + userId, o.Window, ct);
            return RateVerdict.Allowed;
        }
        return await state.IncrementAsync("rate-noticed:" + userId, o.Window, ct) == 1 ? RateVerdict.NoticeOnce : RateVerdict.Silent;
    }
}
