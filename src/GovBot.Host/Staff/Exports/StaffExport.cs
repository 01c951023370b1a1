using GovBot.Host.CheckIns;
using GovBot.Skills.Spreadsheets;

namespace GovBot.Host.Staff.Exports;

/// <summary>
/// The 导出表格 and 导出 Excel of every staff list. Each list maps one route, <c>….{format}</c> with
/// <see cref="Format"/>, so the .csv and the .xlsx share the handler: the same filters, the same authorization, the same
/// <see cref="Sheet"/>. Files are named for the list and the day (reports-20261204.xlsx).
/// </summary>
public static class StaffExport
{
    /// <summary>The route segment after the dot: csv or xlsx, nothing else reaches the handler.</summary>
    public const string Format = "{format:regex(^(csv|xlsx)$)}";

    public static IResult File(Sheet sheet, string name, string format, TimeProvider time) => format == "xlsx"
        ? Results.File(XlsxSheet.ToXlsx(sheet), XlsxSheet.ContentType, $"{name}-{time.GetUtcNow():yyyyMMdd}.xlsx")
        : Results.File(sheet.ToCsv(), CheckInsApi.CsvContentType, $"{name}-{time.GetUtcNow():yyyyMMdd}.csv");

    /// <summary>The two links a page shows beside a list: <c>导出表格</c> (CSV) and <c>导出 Excel</c>; <paramref name="path"/> is the route without its extension.</summary>
    public static string Links(string path, string id, string query = "", string label = "导出表格") =>
        $"<a id=\"{id}\" href=\"{path}.csv{query}\">{label}</a> <a id=\"{id}-xlsx\" href=\"{path}.xlsx{query}\">导出 Excel</a>";
}
