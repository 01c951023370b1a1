using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace GovBot.Data;

/// <summary>One hand-written statement on a context's connection, for the few hot spots where EF's pipeline costs more than SQLite.</summary>
internal static class StoreCommand
{
    /// <summary>Runs <paramref name="sql"/> inside the context's current transaction when it has one (a commit group's).</summary>
    public static async Task<T> RunAsync<T>(GovBotDb db, string sql, Func<SqliteCommand, CancellationToken, Task<T>> run, CancellationToken ct)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var transaction = (SqliteTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();
            if (SqliteStatementCache.Instance.Rent(connection, sql, transaction) is { } kept) return await run(kept, ct);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            return await run(command, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
