using GovBot.Data.Store;

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
                             "ProcessedAt", "PassiveReply", "TraceContext")
        VALUES (@dedup, @user, @type, @payload, @received, @status, 0, @correlation, @processed, @passive, @trace)
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
            command.Add("@dedup", row.DedupKey);
            command.Add("@user", row.UserId);
            command.Add("@type", row.MsgType);
            command.Add("@payload", row.PayloadXml);
            command.Add("@received", row.ReceivedAt.UtcTicks);
            command.Add("@status", (int)row.Status);
            command.Add("@correlation", row.CorrelationId);
            command.Add("@processed", row.ProcessedAt?.UtcTicks);
            command.Add("@passive", row.PassiveReply);
            command.Add("@trace", row.TraceContext);
            if (await command.ExecuteScalarAsync(ct) is not { } id || id is DBNull) return false;
            row.Id = Convert.ToInt64(id);
            return true;
        }, ct);
}
