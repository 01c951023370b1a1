namespace GovBot.Data.Messaging;

/// <summary>
/// Stores an accepted callback in one statement. Every WeCom message passes through here, and EF's save pipeline
/// plus a separate look for an earlier delivery cost several times what SQLite needs for the row itself.
/// </summary>
public static class InboxInsert
{
    // Columns as the migrations create them; a schema change that breaks this fails the callback tests at once.
    private const string Sql = """
        INSERT INTO "Inbox" ("DedupKey", "UserId", "MsgType", "PayloadXml", "ReceivedAt", "Status", "Attempts", "CorrelationId",
                             "ProcessedAt", "PassiveReply")
        VALUES ($dedup, $user, $type, $payload, $received, $status, 0, $correlation, $processed, $passive)
        ON CONFLICT ("DedupKey") DO NOTHING
        RETURNING "Id"
        """;

    /// <summary>
    /// Inserts <paramref name="row"/> as it is (pending, or already answered) inside the context's current transaction
    /// and sets its id; false, and nothing written, when a message with the same dedup key is already stored.
    /// </summary>
    public static Task<bool> TryInsertAsync(this GovBotDb db, InboxMessage row, CancellationToken ct) =>
        StoreCommand.RunAsync(db, Sql, async (command, ct) =>
        {
            command.Parameters.AddWithValue("$dedup", row.DedupKey);
            command.Parameters.AddWithValue("$user", row.UserId);
            command.Parameters.AddWithValue("$type", row.MsgType);
            command.Parameters.AddWithValue("$payload", row.PayloadXml);
            command.Parameters.AddWithValue("$received", row.ReceivedAt.UtcTicks);
            command.Parameters.AddWithValue("$status", (int)row.Status);
            command.Parameters.AddWithValue("$correlation", (object?)row.CorrelationId ?? DBNull.Value);
            command.Parameters.AddWithValue("$processed", (object?)row.ProcessedAt?.UtcTicks ?? DBNull.Value);
            command.Parameters.AddWithValue("$passive", (object?)row.PassiveReply ?? DBNull.Value);
            if (await command.ExecuteScalarAsync(ct) is not long id) return false;
            row.Id = id;
            return true;
        }, ct);
}
