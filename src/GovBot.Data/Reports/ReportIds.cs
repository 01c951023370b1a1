using GovBot.Data.Store;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Data.Reports;

/// <summary>
/// The id of a report about to be filed, taken before the insert so that the ticket it makes (S1001) is on the grid
/// worker's card saved with the report.
/// </summary>
public static class ReportIds
{
    /// <summary>The highest report id so far (null for none), from the primary key alone.</summary>
    private static readonly ModelQuery<Func<GovBotDb, CancellationToken, Task<int?>>> Highest = new(() =>
        EF.CompileAsyncQuery((GovBotDb db, CancellationToken ct) => db.Reports.Max(r => (int?)r.Id)));

    /// <summary>
    /// SQLite: the highest id plus one, which nobody else can take meanwhile because the caller writes inside the
    /// store's single write transaction. PostgreSQL: turns file side by side under READ COMMITTED, where two would
    /// read the same highest id, so the id comes from the table's identity sequence (a filing rolled back leaves a gap
    /// in the ticket numbers, as any sequence does).
    /// </summary>
    public static async Task<int> NextAsync(GovBotDb db, CancellationToken ct)
    {
        if (db.Database.IsPostgres())
            return (int)await db.Database
                .SqlQueryRaw<long>("""SELECT nextval(pg_get_serial_sequence('"Reports"', 'Id')) AS "Value" """)
                .SingleAsync(ct);
        return (await Highest.For(db)(db, ct) ?? 0) + 1;
    }
}
