using GovBot.Data.Store;

namespace GovBot.Data.Messaging;

/// <summary>
/// PostgreSQL's way for the inbox sweeper to take left-behind messages: in one statement it takes pending rows older than
/// the grace, marking them <see cref="InboxMessage.SweptUntil"/>, and skips rows another host's sweeper is taking at that
/// moment or has taken and not let lapse (<c>FOR UPDATE SKIP LOCKED</c>). Several hosts then share the sweep instead of
/// all queueing for the same members' leases. SQLite, one host per file, sweeps as before (InboxSweeper).
/// </summary>
public static class InboxSweepClaim
{
    private const string Sql = """
        UPDATE "Inbox" SET "SweptUntil" = @until
        WHERE "Id" IN (
            SELECT "Id" FROM "Inbox"
            WHERE "Status" = @pending AND "ReceivedAt" < @before AND ("SweptUntil" IS NULL OR "SweptUntil" <= @now)
            ORDER BY "Id" LIMIT @limit
            FOR UPDATE SKIP LOCKED)
        RETURNING "UserId"
        """;

    /// <summary>The members whose left-behind messages this host now sweeps (at most <paramref name="limit"/> rows).</summary>
    public static Task<List<string>> ClaimLeftBehindAsync(
        this GovBotDb db, DateTimeOffset receivedBefore, DateTimeOffset now, DateTimeOffset until, int limit, CancellationToken ct) =>
        StoreCommand.RunAsync(db, Sql, async (command, ct) =>
        {
            command.Add("@until", until.UtcTicks);
            command.Add("@pending", (int)InboxStatus.Pending);
            // DateTimeOffset.MaxValue (everything, at start) as the largest tick count there is.
            command.Add("@before", receivedBefore.UtcTicks);
            command.Add("@now", now.UtcTicks);
            command.Add("@limit", limit);
            var users = new List<string>();
            await using (var reader = await command.ExecuteReaderAsync(ct))
                while (await reader.ReadAsync(ct)) users.Add(reader.GetString(0));
            return users.Distinct(StringComparer.Ordinal).ToList();
        }, ct);
}
