using GovBot.Skills.State;
using Microsoft.Extensions.Options;

namespace GovBot.Skills.Conversation;

public sealed class RateLimitOptions
{
    public int MessagesPerMinute { get; set; } = 30;
}

public enum RateVerdict
{
    Allowed,
    /// <summary>The first message over the limit: tell the user once.</summary>
    NoticeOnce,
    Silent,
}

/// <summary>A flood of messages from one user gets one polite notice, not hundreds of replies.</summary>
public sealed class TurnRateLimiter(IStateStore state, IOptions<RateLimitOptions> options)
{
    public async Task<RateVerdict> CheckAsync(string userId, CancellationToken ct)
    {
        var limit = options.Value.MessagesPerMinute;
        var count = await state.IncrementAsync("rate:" + userId, TimeSpan.FromMinutes(1), ct);
        return count <= limit ? RateVerdict.Allowed : count == limit + 1 ? RateVerdict.NoticeOnce : RateVerdict.Silent;
    }
}
