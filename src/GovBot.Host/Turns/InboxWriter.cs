using GovBot.Data;
using GovBot.Data.Messaging;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Host.Turns;

/// <summary>The accepted message and whether WeCom had delivered it before.</summary>
public sealed record Accepted(InboxMessage Message, bool Duplicate);

/// <summary>Stores each callback once, before it is answered, so a crash or a retry neither loses nor doubles it.</summary>
public sealed class InboxWriter(StoreGroupCommit writes, TimeProvider time)
{
    public Task<Accepted> AcceptAsync(string dedupKey, string userId, string msgType, string payloadXml, string correlationId, CancellationToken ct)
    {
        var row = new InboxMessage
        {
            DedupKey = dedupKey,
            UserId = userId,
            MsgType = msgType,
            PayloadXml = payloadXml,
            ReceivedAt = time.GetUtcNow(),
            CorrelationId = correlationId,
        };
        return writes.RunAsync(async (services, ct) =>
        {
            var db = services.GetRequiredService<GovBotDb>();
            if (await db.TryInsertAsync(row, ct)) return new Accepted(row, Duplicate: false);
            // WeCom delivered it before: answer as the first delivery was (or will be) answered.
            return new Accepted(await db.Inbox.AsNoTracking().FirstAsync(m => m.DedupKey == dedupKey, ct), Duplicate: true);
        }, ct);
    }
}
