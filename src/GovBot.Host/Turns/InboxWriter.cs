using GovBot.Data;
using GovBot.Data.Messaging;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Host.Turns;

/// <summary>The accepted message and whether WeCom had delivered it before.</summary>
public sealed record Accepted(InboxMessage Message, bool Duplicate);

/// <summary>Stores each callback once, before it is answered, so a crash or a retry neither loses nor doubles it.</summary>
public sealed class InboxWriter(GovBotDb db, StoreWriteGate gate, TimeProvider time)
{
    public async Task<Accepted> AcceptAsync(string dedupKey, string userId, string msgType, string payloadXml, string correlationId, CancellationToken ct)
    {
        var existing = await FindAsync(dedupKey, ct);
        if (existing is not null) return new Accepted(existing, Duplicate: true);

        var row = new InboxMessage
        {
            DedupKey = dedupKey,
            UserId = userId,
            MsgType = msgType,
            PayloadXml = payloadXml,
            ReceivedAt = time.GetUtcNow(),
            CorrelationId = correlationId,
        };
        db.Inbox.Add(row);
        try
        {
            using (await gate.EnterAsync(ct)) await db.SaveChangesAsync(ct);
            return new Accepted(row, Duplicate: false);
        }
        catch (DbUpdateException)
        {
            // Two deliveries of one message raced to the unique index: the other one won.
            db.Entry(row).State = EntityState.Detached;
            var raced = await FindAsync(dedupKey, ct);
            if (raced is null) throw;
            return new Accepted(raced, Duplicate: true);
        }
    }

    private Task<InboxMessage?> FindAsync(string dedupKey, CancellationToken ct) =>
        db.Inbox.AsNoTracking().FirstOrDefaultAsync(m => m.DedupKey == dedupKey, ct);
}
