using GovBot.Skills.Reminders;

namespace GovBot.Skills.Wishes;

/// <summary>Claims of micro-wishes left undone too long go back on the wish wall; their claimers are told.</summary>
public sealed class StaleWishReminder(StaleWishClaims claims) : IReminder
{
    public const string Kind = "stale-wishes";

    public async Task<int> RunAsync(CancellationToken ct) => (await claims.ReleaseAsync(ct)).Count;
}
