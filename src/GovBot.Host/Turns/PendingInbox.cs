using GovBot.Data;
using GovBot.Data.Messaging;
using GovBot.Data.Store;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Host.Turns;

/// <summary>A member's inbox rows still waiting for their turn.</summary>
public sealed class PendingInbox(IServiceScopeFactory scopes, StoreReadOnlyContexts readOnly)
{
    /// <summary>Rows read at once; a user rarely has more than one or two waiting.</summary>
    public const int Batch = 8;
    // Read on every drain; compiled once, it skips EF's per-call look at the expression tree.
    private static readonly ModelQuery<Func<GovBotDb, string, IAsyncEnumerable<InboxMessage>>> Next = new(() => EF.CompileAsyncQuery(
        (GovBotDb db, string userId) => db.Inbox.AsNoTracking()
            .Where(m => m.UserId == userId && m.Status == InboxStatus.Pending)
            .OrderBy(m => m.Id).Take(Batch)));
    private static readonly ModelQuery<Func<GovBotDb, string, Task<bool>>> Any = new(() => EF.CompileAsyncQuery(
        (GovBotDb db, string userId) => db.Inbox.Any(m => m.UserId == userId && m.Status == InboxStatus.Pending)));

    /// <summary>The member's oldest pending rows, at most <see cref="Batch"/>, oldest first.</summary>
    public async Task<List<InboxMessage>> NextAsync(string userId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GovBotDb>();
        return await Next.For(db)(db, userId).ToListAsync(ct);
    }

    public async Task<bool> AnyAsync(string userId)
    {
        // Asked on every message: a read-only context of its own, without a service scope around it.
        await using var db = readOnly.CreateDbContext();
        return await Any.For(db)(db, userId);
    }
}
