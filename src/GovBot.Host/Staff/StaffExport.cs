using System.Globalization;
using GovBot.Host.CheckIns;
using GovBot.Skills.Spreadsheets;

namespace GovBot.Host.Staff;

/// <summary>The 导出表格 of every staff list: one <see cref="Csv"/> file (BOM, Chinese headers), named for the list and the day.</summary>
public static class StaffExport
{
    public static IResult File(string name, IEnumerable<string> headers, IEnumerable<IEnumerable<string?>> rows, TimeProvider time) =>
        Results.File(Csv.File(headers, rows), CheckInsApi.CsvContentType, $"{name}-{time.GetUtcNow():yyyyMMdd}.csv");

    /// <summary>China time the way a spreadsheet sorts it: 2026-11-07 09:00.</summary>
    public static string? Time(DateTimeOffset? at) => at?.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}
