using GovBot.Data.Store;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Data.Messaging;

/// <summary>
/// PostgreSQL's way for the outbox pass to take its rows: due rows are claimed in one statement, each by pushing its
/// NextAttemptAt out by the claim lease, and rows another host is claiming at that moment are skipped rather than waited
/// for (<c>FOR UPDATE SKIP LOCKED</c>, as job queues on PostgreSQL do). SQLite, with one writer at a time, claims row
/// by row (OutboxSender).
/// </summary>
public static class OutboxClaim
{
    private const string ClaimSql = """
        UPDATE "Outbox" SET "NextAttemptAt" = @until
        WHERE "Id" IN (
            SELECT "Id" FROM "Outbox"
            WHERE "Status" = @pending AND "NotBefore" <= @now AND ("NextAttemptAt" IS NULL OR "NextAttemptAt" <= @now)
            ORDER BY "Id" LIMIT @limit
            FOR UPDATE SKIP LOCKED)
        RETURNING "Id"
        """;

    private const string ReleaseSql = """
        UPDATE "Outbox" SET "NextAttemptAt" = @now
        WHERE "Id" = ANY(@ids) AND "Status" = @pending AND "NextAttemptAt" = @until
        """;

    /// <summary>Claims up to <paramref name="limit"/> due rows until <paramref name="until"/>; their ids, oldest first.</summary>
    public static Task<List<long>> ClaimDueOutboxAsync(this GovBotDb db, DateTimeOffset now, DateTimeOffset until, int limit, CancellationToken ct) =>
        StoreCommand.RunAsync(db, ClaimSql, async (command, ct) =>
        {
            command.Add("@until", until.UtcTicks);
            command.Add("@pending", (int)OutboxStatus.Pending);
            command.Add("@now", now.UtcTicks);
            command.Add("@limit", limit);
            var ids = new List<long>();
            await using (var reader = await command.ExecuteReaderAsync(ct))
                while (await reader.ReadAsync(ct)) ids.Add(reader.GetInt64(0));
            ids.Sort();
            return ids;
        }, ct);

    /// <summary>Hands back claimed rows the pass did not get to (WeCom was busy), so the next pass need not wait out the lease.</summary>
    public static async Task ReleaseOutboxClaimsAsync(this GovBotDb db, IReadOnlyCollection<long> ids, DateTimeOffset until, DateTimeOffset now, CancellationToken ct)
    {
        if (ids.Count == 0) return;
        await StoreCommand.RunAsync(db, ReleaseSql, async (command, ct) =>
        {
            command.Add("@now", now.UtcTicks);
            command.Add("@ids", ids.ToArray());
            command.Add("@pending", (int)OutboxStatus.Pending);
            command.Add("@until", until.UtcTicks);
            return await command.ExecuteNonQueryAsync(ct);
        }, ct);
    }
}
