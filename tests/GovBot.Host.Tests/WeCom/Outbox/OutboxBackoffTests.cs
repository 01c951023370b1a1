using GovBot.Host.WeCom.Outbox;

namespace GovBot.Host.Tests.WeCom.Outbox;

public sealed class OutboxBackoffTests
{
    private static readonly TimeSpan Base = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Max = TimeSpan.FromMinutes(10);

    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 4)]
    [InlineData(5, 32)]
    public void Doubles_per_attempt_within_twenty_percent(int attempt, double seconds)
    {
        var random = new Random(attempt);
        for (var i = 0; i < 50; i++)
            Assert.InRange(OutboxBackoff.Delay(attempt, Base, Max, random).TotalSeconds, seconds * 0.8, seconds * 1.2);
    }

    [Fact]
    public void Never_exceeds_the_cap_however_many_attempts()
    {
        var random = new Random(7);
        foreach (var attempt in new[] { 10, 30, 1000, int.MaxValue })
            Assert.InRange(OutboxBackoff.Delay(attempt, Base, Max, random), Max * 0.8, Max);
    }
}
