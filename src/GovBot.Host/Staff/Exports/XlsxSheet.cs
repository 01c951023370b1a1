using System.Data;
using GovBot.Skills.Spreadsheets;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace GovBot.Host.Staff.Exports;

/// <summary>
/// A <see cref="Sheet"/> as an Excel workbook (MiniExcel): the header row frozen and filterable, times as real date
/// cells (yyyy-mm-dd hh:mm, China time as in the CSV), numbers as numbers, text as text (a phone keeps its leading 0,
/// a cell starting with = is a string, never a formula), and each column as wide as its content.
/// </summary>
public static class XlsxSheet
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private const string TimeFormat = "yyyy-mm-dd hh:mm";
    private const double MinWidth = 6, MaxWidth = 60;

    public static byte[] ToXlsx(Sheet sheet)
    {
        // A DataTable of object columns: MiniExcel then writes the header row even for an empty list, and types each
        // cell by its value (MiniExcel's dictionary rows lose the header when there are none).
        using var table = new DataTable();
        foreach (var header in sheet.Headers) table.Columns.Add(header, typeof(object));
        foreach (var row in sheet.Rows) table.Rows.Add(row.Select(Value).ToArray());

        var configuration = new OpenXmlConfiguration
        {
            FreezeRowCount = 1,
            // MiniExcel's EnableAutoWidth counts characters, so a Chinese column came out half as wide as it shows:
            // the widths are worked out here instead, a Chinese character counting two.
            DynamicColumns = sheet.Headers.Select((h, i) => new DynamicExcelColumn(h)
            {
                Width = Width(sheet, i),
                Format = sheet.Rows.Any(r => r[i] is DateTimeOffset) ? TimeFormat : null,
            }).ToArray(),
        };
        using var stream = new MemoryStream();
        stream.SaveAs(table, sheetName: sheet.Title, configuration: configuration);
        return stream.ToArray();
    }

    /// <summary>Excel has no time zones: the cell holds the China wall-clock time the CSV shows.</summary>
    private static object Value(object? cell) => cell switch
    {
        null => DBNull.Value,
        DateTimeOffset at => at.ToOffset(Sheet.ChinaOffset).DateTime,
        _ => cell,
    };

    /// <summary>The widest cell of column <paramref name="column"/> (header included) in Excel's character widths, plus a margin.</summary>
    internal static double Width(Sheet sheet, int column)
    {
        var widest = sheet.Rows.Select(r => DisplayWidth(Sheet.Text(r[column])))
            .Append(DisplayWidth(sheet.Headers[column]) + 2) // the filter button sits beside the header
            .Max();
        return Math.Clamp(widest + 1, MinWidth, MaxWidth);
    }

    /// <summary>A character of the CJK and full-width ranges takes about two digits' width; others one. Multi-line text counts its longest line.</summary>
    internal static int DisplayWidth(string? text) =>
        string.IsNullOrEmpty(text) ? 0 : text.Split('\n').Max(line => line.Sum(c => c >= '\u1100' && IsWide(c) ? 2 : 1));

    private static bool IsWide(char c) =>
        c is (>= '\u1100' and <= '\u115F') or (>= '\u2E80' and <= '\uA4CF') or (>= '\uAC00' and <= '\uD7A3')
            or (>= '\uF900' and <= '\uFAFF') or (>= '\uFE30' and <= '\uFE4F') or (>= '\uFF00' and <= '\uFF60') or (>= '\uFFE0' and <= '\uFFE6');
}
