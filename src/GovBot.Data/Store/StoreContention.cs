using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace GovBot.Data.Store;

/// <summary>
/// Recognises the store refusing work because another writer held it past the busy timeout. Such work was rolled
/// back whole, so running it again is safe, and better than telling a resident that their message failed.
/// On PostgreSQL the same holds for a serialization failure, a deadlock and a lock not available (NOWAIT).
/// </summary>
public static class StoreContention
{
    private const int SqliteBusy = 5, SqliteLocked = 6;

    public static bool IsBusy(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
            if (ex is SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked }) return true;
            else if (ex is DbException db && PostgresStore.IsContention(db)) return true;
        return false;
    }
}
