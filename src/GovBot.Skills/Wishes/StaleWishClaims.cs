using GovBot.Data.Wishes;
using Microsoft.Extensions.Options;

namespace GovBot.Skills.Wishes;

/// <summary>
/// The job the scheduler runs (daily is plenty): claims older than <see cref="WishOptions.ClaimStaleAfter"/> go back
/// on the list and their claimers get a reminder. Resolve it from a fresh scope per run; it saves its own work.
/// </summary>
public sealed class StaleWishClaims(WishService wishes, IOptions<WishOptions> options)
{
    public Task<IReadOnlyList<Wish>> ReleaseAsync(CancellationToken ct) => wishes.ReleaseStaleClaimsAsync(options.Value.ClaimStaleAfter, ct);
}
