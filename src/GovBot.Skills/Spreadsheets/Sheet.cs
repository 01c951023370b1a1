using System.Globalization;

namespace GovBot.Skills.Spreadsheets;

/// <summary>
/// One exported list, defined once: Chinese headers and rows of typed cells. Both files of a list come from here, so
/// the 导出表格 (CSV) and the 导出 Excel of one list cannot drift apart. A cell is a <see cref="string"/> (text, and
/// phones and ticket numbers stay text), an integer or decimal (a number Excel sums), a <see cref="DateTimeOffset"/>
/// (a date cell in China time) or null (empty).
/// </summary>
public sealed class Sheet
{
    /// <summary>The county is in China and so are its staff: every exported time is Beijing time, whatever the server's zone.</summary>
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public Sheet(string title, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
    {
        Title = title;
        Headers = headers;
        Rows = rows.ToList();
        foreach (var row in Rows)
            if (row.Count != headers.Count) throw new ArgumentException($"A row has {row.Count} cells for {headers.Count} headers.", nameof(rows));
    }

    /// <summary>The sheet's tab in Excel (说事, 积分记录…).</summary>
    public string Title { get; }

    public IReadOnlyList<string> Headers { get; }

    public IReadOnlyList<IReadOnlyList<object?>> Rows { get; }

    /// <summary>The CSV bytes, BOM first, each cell as <see cref="Text"/> writes it.</summary>
    public byte[] ToCsv() => Csv.File(Headers, Rows.Select(r => r.Select(Text)));

    /// <summary>A cell as the CSV shows it: times as 2026-11-07 09:00 in China time, numbers without grouping.</summary>
    public static string? Text(object? cell) => cell switch
    {
        null => null,
        string s => s,
        DateTimeOffset at => at.ToOffset(ChinaOffset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString(),
    };
}
