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

    /// <param name="name">The file's name where a Chinese one cannot be given (the plain <c>filename</c> fallback).</param>
    public static IResult File(Sheet sheet, string name, string format, TimeProvider time)
    {
        // Named as the office files it: the list's Chinese title and the day in China (an evening export is today's).
        var day = time.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        var file = $"{sheet.Title}-{day}.{format}";
        return new ExportFile(format == "xlsx" ? XlsxSheet.ToXlsx(sheet) : sheet.ToCsv(),
            format == "xlsx" ? XlsxSheet.ContentType : CheckInsApi.CsvContentType, file, $"{name}-{day}.{format}");
    }

    /// <summary>A download whose Content-Disposition carries the Chinese name (RFC 6266 filename*) and an ASCII fallback.</summary>
    private sealed class ExportFile(byte[] bytes, string contentType, string name, string fallback) : IResult
    {
        public Task ExecuteAsync(HttpContext http)
        {
            var disposition = new Microsoft.Net.Http.Headers.ContentDispositionHeaderValue("attachment") { FileName = fallback, FileNameStar = name };
            http.Response.Headers.ContentDisposition = disposition.ToString();
            return Results.Bytes(bytes, contentType).ExecuteAsync(http);
        }
    }

    /// <summary>The two links a page shows beside a list: <c>导出表格</c> (CSV) and <c>导出 Excel</c>; <paramref name="path"/> is the route without its extension.</summary>
    public static string Links(string path, string id, string query = "", string label = "导出表格") =>
        $"<a id=\"{id}\" href=\"{path}.csv{query}\">{label}</a> <a id=\"{id}-xlsx\" href=\"{path}.xlsx{query}\">导出 Excel</a>";
}
