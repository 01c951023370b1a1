namespace GovBot.Host.Structure;

/// <summary>A data row of a sheet: its row number as the spreadsheet shows it, and its cells by bare column name.</summary>
public sealed record SheetRow(int Number, IReadOnlyDictionary<string, string> Cells)
{
    public string this[string column] => Cells.TryGetValue(column, out var v) ? v : "";
}

/// <summary>A row (or a whole sheet, row 1) that cannot be taken, and why, in words for the staff member.</summary>
public sealed record Refusal(string Sheet, int Row, string Reason);

/// <summary>What was uploaded, read: the rows of each known sheet, what could not be read at all, and the file's identity.</summary>
public sealed class CountyWorkbook
{
    public required string Source { get; init; }
    /// <summary>SHA-256 of the bytes uploaded (for several CSV files: of their names and bytes in name order).</summary>
    public required string Sha256 { get; init; }
    public Dictionary<string, List<SheetRow>> Sheets { get; } = [];
    public List<Refusal> Problems { get; } = [];
    /// <summary>Sheets with names the template does not have: left out, and said so.</summary>
    public List<string> Ignored { get; } = [];

    public IReadOnlyList<SheetRow> Rows(string sheet) => Sheets.TryGetValue(sheet, out var rows) ? rows : [];
}

/// <summary>An uploaded file as received: its name and bytes.</summary>
public sealed record UploadedFile(string Name, byte[] Bytes);
