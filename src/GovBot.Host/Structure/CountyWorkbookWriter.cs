using MiniExcelLibs;

namespace GovBot.Host.Structure;

/// <summary>Writes a workbook of the county's sheets: the template (one example row each) or a generated county.</summary>
public static class CountyWorkbookWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The template: headers with 「*」 on required columns and one example row per sheet.</summary>
    public static byte[] Template() => Write(CountySheets.All.ToDictionary(s => s.Name, s => (IEnumerable<IReadOnlyList<string>>)[s.Example]));

    /// <summary>Rows as text per sheet, in the template's column order; sheets not given are written with headers only.</summary>
    public static byte[] Write(IReadOnlyDictionary<string, IEnumerable<IReadOnlyList<string>>> rows)
    {
        var sheets = new Dictionary<string, object>();
        foreach (var spec in CountySheets.All)
        {
            var data = rows.TryGetValue(spec.Name, out var r) ? r : [];
            sheets[spec.Name] = Rows(spec, data);
        }
        using var stream = new MemoryStream();
        stream.SaveAs(sheets, printHeader: true, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    // Every cell is written as text, so that codes like 001 and phone numbers keep their leading zeros in Excel.
    private static IEnumerable<Dictionary<string, object?>> Rows(SheetSpec spec, IEnumerable<IReadOnlyList<string>> data)
    {
        var any = false;
        foreach (var row in data)
        {
            any = true;
            var cells = new Dictionary<string, object?>();
            for (var i = 0; i < spec.Columns.Count; i++) cells[spec.Columns[i].Header] = i < row.Count ? row[i] : "";
            yield return cells;
        }
        // MiniExcel takes the headers from the first row: an empty sheet still needs them.
        if (!any) yield return spec.Columns.ToDictionary(c => c.Header, object? (_) => null);
    }
}
