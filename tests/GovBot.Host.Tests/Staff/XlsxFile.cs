using System.Globalization;
using System.IO.Compression;
using System.Xml.Linq;

namespace GovBot.Host.Tests.Staff;

/// <summary>One cell as Excel stores it: its text or number, whether it is a number, and its number format (null: General).</summary>
public sealed record XlsxCell(string Value, bool IsNumber, string? NumberFormat)
{
    public bool IsDate => IsNumber && NumberFormat is { } f && f.Contains("yy", StringComparison.Ordinal);

    /// <summary>The cell as the CSV shows it: a date as 2026-11-07 09:00, a number as written, text as is.</summary>
    public string Shown => IsDate
        ? DateTime.FromOADate(double.Parse(Value, CultureInfo.InvariantCulture)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)
        : Value;
}

/// <summary>
/// Reads an .xlsx the way Excel would, straight from its parts (System.IO.Compression and the sheet and style XML), so the
/// tests see what a user's Excel sees and not what the writing library thinks it wrote: cell types, number formats, the
/// frozen pane, column widths.
/// </summary>
public sealed class XlsxFile
{
    private static readonly XNamespace X = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static readonly XNamespace R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static readonly XNamespace Pr = "http://schemas.openxmlformats.org/package/2006/relationships";

    private XlsxFile(string sheetName, XElement sheet, List<List<XlsxCell>> rows)
    {
        SheetName = sheetName;
        Sheet = sheet;
        Rows = rows;
    }

    public string SheetName { get; }
    public XElement Sheet { get; }

    /// <summary>Every row, the header first, each as wide as the header row (missing cells empty).</summary>
    public List<List<XlsxCell>> Rows { get; }

    /// <summary>Row 1 frozen: a sheetView pane split below it in the frozen state.</summary>
    public bool HeaderFrozen => Sheet.Descendants(X + "pane").Any(p => (string?)p.Attribute("ySplit") == "1" && (string?)p.Attribute("state") == "frozen");

    public List<double> Widths => Sheet.Descendants(X + "col").Select(c => double.Parse((string)c.Attribute("width")!, CultureInfo.InvariantCulture)).ToList();

    public List<string> Column(string header)
    {
        var i = Rows[0].FindIndex(c => c.Value == header);
        Assert.True(i >= 0, $"no column {header}");
        return Rows.Skip(1).Select(r => r[i].Shown).ToList();
    }

    public XlsxCell Cell(int row, string header) => Rows[row][Rows[0].FindIndex(c => c.Value == header)];

    public static XlsxFile Read(byte[] bytes)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        XDocument Part(string name) => XDocument.Load(zip.GetEntry(name)?.Open() ?? throw new InvalidOperationException($"no part {name}"));

        var workbook = Part("xl/workbook.xml");
        var first = workbook.Descendants(X + "sheet").First();
        var target = Part("xl/_rels/workbook.xml.rels").Descendants(Pr + "Relationship")
            .Single(r => (string?)r.Attribute("Id") == (string?)first.Attribute(R + "id")).Attribute("Target")!.Value.TrimStart('/');
        var sheet = Part(target.StartsWith("xl/", StringComparison.Ordinal) ? target : "xl/" + target).Root!;

        var shared = zip.GetEntry("xl/sharedStrings.xml") is null ? [] : Part("xl/sharedStrings.xml").Descendants(X + "si")
            .Select(si => string.Concat(si.Descendants(X + "t").Select(t => t.Value))).ToList();
        var styles = Part("xl/styles.xml");
        var custom = styles.Descendants(X + "numFmt").ToDictionary(f => (int)f.Attribute("numFmtId")!, f => (string)f.Attribute("formatCode")!);
        var formats = styles.Descendants(X + "cellXfs").Single().Elements(X + "xf").Select(xf => (int?)xf.Attribute("numFmtId") ?? 0)
            .Select(id => custom.TryGetValue(id, out var code) ? code : Builtin(id)).ToList();

        var rows = new List<List<XlsxCell>>();
        foreach (var row in sheet.Descendants(X + "row"))
        {
            var cells = new SortedDictionary<int, XlsxCell>();
            foreach (var c in row.Elements(X + "c"))
            {
                var type = (string?)c.Attribute("t");
                var raw = c.Element(X + "v")?.Value ?? string.Concat(c.Descendants(X + "t").Select(t => t.Value));
                var isNumber = raw.Length > 0 && type is null or "n";
                var value = type == "s" ? shared[int.Parse(raw, CultureInfo.InvariantCulture)] : raw;
                cells[ColumnIndex((string)c.Attribute("r")!)] = new XlsxCell(value, isNumber, formats[(int?)c.Attribute("s") ?? 0]);
            }
            var width = rows.Count == 0 ? cells.Keys.DefaultIfEmpty(-1).Max() + 1 : rows[0].Count;
            rows.Add(Enumerable.Range(0, width).Select(i => cells.GetValueOrDefault(i) ?? new XlsxCell("", false, null)).ToList());
        }
        return new XlsxFile((string)first.Attribute("name")!, sheet, rows);
    }

    private static string? Builtin(int id) => id switch { 14 => "mm-dd-yy", 15 or 16 or 17 => "d-mmm-yy", 22 => "m/d/yy h:mm", _ => null };

    private static int ColumnIndex(string reference)
    {
        var n = 0;
        foreach (var ch in reference.TakeWhile(char.IsAsciiLetter)) n = n * 26 + (char.ToUpperInvariant(ch) - 'A' + 1);
        return n - 1;
    }
}
