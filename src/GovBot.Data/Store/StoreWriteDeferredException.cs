using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace GovBot.Data.Store;

/// <summary>
/// Work tried on a read-only store context wanted to write. Nothing was written; the caller runs the work again
/// where writes are allowed (a turn inside a <see cref="StoreGroupCommit"/> group).
/// </summary>
public sealed class StoreWriteDeferredException() : InvalidOperationException("This work writes to the store and must run where writes are allowed.")
{
    private const int SqliteReadOnly = 8;

    /// <summary>
    /// Whether <paramref name="ex"/> says the work wanted to write: this exception, or SQLite refusing a write on a
    /// read-only connection, or PostgreSQL refusing one in a READ ONLY transaction (a write path that forgot <see cref="GovBotDb.EnsureWritable"/>; nothing was written either way).
    /// </summary>
    public static bool WasCause(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
            if (ex is StoreWriteDeferredException or SqliteException { SqliteErrorCode: SqliteReadOnly }) return true;
            else if (ex is DbException db && PostgresStore.IsReadOnlyRefusal(db)) return true;
        return false;
    }
}
