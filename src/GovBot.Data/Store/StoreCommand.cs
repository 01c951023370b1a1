using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace GovBot.Data.Store;

/// <summary>
/// One hand-written statement on a context's connection, for the few hot spots where EF's pipeline costs more than
/// the database. The SQL is written for both providers: <c>@name</c> parameters, <c>RETURNING</c>, <c>ON CONFLICT</c>.
/// </summary>
internal static class StoreCommand
{
    /// <summary>Runs <paramref name="sql"/> inside the context's current transaction when it has one (a commit group's).</summary>
    public static async Task<T> RunAsync<T>(GovBotDb db, string sql, Func<DbCommand, CancellationToken, Task<T>> run, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            // Only SQLite keeps prepared statements per connection; PostgreSQL's Npgsql prepares by itself.
            if (connection is SqliteConnection sqlite
                && SqliteStatementCache.Instance.Rent(sqlite, sql, (SqliteTransaction?)transaction) is { } kept) return await run(kept, ct);
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

    /// <summary>Adds a named parameter (<c>@name</c> in the SQL) on any provider.</summary>
    public static void Add(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
