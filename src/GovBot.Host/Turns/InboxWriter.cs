using GovBot.Data;
using GovBot.Data.Messaging;
using GovBot.Data.Store;
using GovBot.Host.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Host.Turns;

/// <summary>The accepted message and whether WeCom had delivered it before.</summary>
public sealed record Accepted(InboxMessage Message, bool Duplicate);

/// <summary>Stores each callback once, before it is answered, so a crash or a retry neither loses nor doubles it.</summary>
public sealed class InboxWriter(StoreGroupCommit writes, TimeProvider time)
{
    /// <summary>The row a callback becomes, not yet stored.</summary>
    public InboxMessage NewRow(string dedupKey, string userId, string msgType, string payloadXml, string correlationId) => new()
    {
        DedupKey = dedupKey,
        UserId = userId,
        MsgType = msgType,
        PayloadXml = payloadXml,
        ReceivedAt = time.GetUtcNow(),
        CorrelationId = correlationId,
        // The callback's span: the turn (perhaps run by the drain) and its pushes continue this trace.
        TraceContext = GovBotTelemetry.CurrentContext(),
    };

    /// <summary>Stores <paramref name="row"/> pending, in a commit group of its own.</summary>
    public Task<Accepted> AcceptAsync(InboxMessage row, CancellationToken ct) =>
        writes.RunAsync((services, ct) => InsertAsync(services.GetRequiredService<GovBotDb>(), row, ct), ct);

    /// <summary>Stores <paramref name="row"/> as it is, inside the caller's transaction, unless WeCom delivered it before.</summary>
    public static async Task<Accepted> InsertAsync(GovBotDb db, InboxMessage row, CancellationToken ct)
    {
        if (await db.TryInsertAsync(row, ct)) return new Accepted(row, Duplicate: false);
        // WeCom delivered it before: answer as the first delivery was (or will be) answered.
        return new Accepted(await db.Inbox.AsNoTracking().FirstAsync(m => m.DedupKey == row.DedupKey, ct), Duplicate: true);
    }
}
