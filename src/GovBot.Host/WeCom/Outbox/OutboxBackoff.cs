namespace GovBot.Host.WeCom.Outbox;

/// <summary>Exponential backoff with ±20 % jitter, so instances and rows that failed together spread out.</summary>
public static class OutboxBackoff
{
    public static TimeSpan Delay(int failedAttempts, TimeSpan baseDelay, TimeSpan maxDelay, Random random)
    {
        var exponent = Math.Clamp(failedAttempts - 1, 0, 30);
        var delay = baseDelay * Math.Pow(2, exponent);
        if (delay > maxDelay) delay = maxDelay;
        delay *= 0.8 + random.NextDouble() * 0.4;
        return delay > maxDelay ? maxDelay : delay;
    }
}
