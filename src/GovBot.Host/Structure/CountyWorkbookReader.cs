using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MiniExcelLibs;
using MiniExcelLibs.Csv;

namespace GovBot.Host.Structure;

/// <summary>
/// Reads the county workbook (.xlsx, or one CSV per sheet named by the file name) with MiniExcel's streaming
/// reader: cells come back by column letter, so headers with or without the 「*」 mark read alike, and the row
/// numbers given back are the ones the spreadsheet shows.
/// </summary>
public static class CountyWorkbookReader
{
    public const int MaxBytes = 20 * 1024 * 1024;
    static CountyWorkbookReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public const string NotWorkbook = "这个文件不是 Excel 工作簿（.xlsx），也不是 CSV 表格。请用「下载模板」得到的表格填写后再上传。";

    public static CountyWorkbook Read(IReadOnlyList<UploadedFile> files)
    {
        var ordered = files.OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
        var book = new CountyWorkbook { Source = Source(ordered), Sha256 = Hash(ordered) };
        if (ordered.Count == 0)
        {
            book.Problems.Add(new Refusal("", 0, "没有收到文件，请选择要上传的表格。"));
            return book;
        }
        foreach (var file in ordered)
        {
            if (file.Bytes.Length > MaxBytes)
                book.Problems.Add(new Refusal("", 0, $"文件「{file.Name}」超过 20MB，请分开上传或删去空白行。"));
            else if (IsZip(file.Bytes))
                ReadXlsx(file, book);
            else if (file.Name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
                ReadCsv(file, book);
            else if (file.Bytes is [0xD0, 0xCF, 0x11, 0xE0, ..])
                book.Problems.Add(new Refusal("", 0, $"「{file.Name}」是旧版 Excel（.xls）文件，请在 Excel 里「另存为」.xlsx 后再上传。"));
            else
                book.Problems.Add(new Refusal("", 0, $"「{file.Name}」：{NotWorkbook}"));
        }
        return book;
    }

    private static void ReadXlsx(UploadedFile file, CountyWorkbook book)
    {
        try
        {
            using var stream = new MemoryStream(file.Bytes, writable: false);
            foreach (var sheet in MiniExcel.GetSheetNames(stream))
            {
                stream.Position = 0;
                Take(sheet.Trim(), MiniExcel.Query(stream, useHeaderRow: false, sheetName: sheet, excelType: ExcelType.XLSX), book);
            }
        }
        // Whatever the parser throws on bytes that only look like a zip, the staff member is told it is not a workbook.
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            book.Problems.Add(new Refusal("", 0, $"「{file.Name}」：{NotWorkbook}"));
        }
    }

    private static void ReadCsv(UploadedFile file, CountyWorkbook book)
    {
        var sheet = SheetOfCsv(file.Name);
        if (sheet is null)
        {
            book.Ignored.Add(Path.GetFileNameWithoutExtension(file.Name));
            return;
        }
        // Excel in a Chinese Windows saves CSV as GB18030 (GBK); WPS and newer Excel as UTF-8 with a BOM.
        var encoding = IsUtf8(file.Bytes) ? new UTF8Encoding(false) : Encoding.GetEncoding("GB18030");
        var config = new CsvConfiguration { StreamReaderFunc = s => new StreamReader(s, encoding, detectEncodingFromByteOrderMarks: true) };
        try
        {
            using var stream = new MemoryStream(file.Bytes, writable: false);
            Take(sheet, MiniExcel.Query(stream, useHeaderRow: false, excelType: ExcelType.CSV, configuration: config), book);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            book.Problems.Add(new Refusal(sheet, 0, $"「{file.Name}」：{NotWorkbook}"));
        }
    }

    /// <summary>「社区.csv」, or with a prefix the office adds: 「襄垣-社区.csv」「襄垣_社区.csv」.</summary>
    internal static string? SheetOfCsv(string fileName)
    {
        var name = Path.GetFileNameWithoutExtension(fileName).Trim();
        return CountySheets.All.Select(s => s.Name)
            .FirstOrDefault(s => name == s || name.EndsWith("-" + s, StringComparison.Ordinal) || name.EndsWith("_" + s, StringComparison.Ordinal));
    }

    private static void Take(string sheetName, IEnumerable<dynamic> rows, CountyWorkbook book)
    {
        var spec = CountySheets.Find(sheetName);
        if (spec is null)
        {
            book.Ignored.Add(sheetName);
            return;
        }
        if (book.Sheets.ContainsKey(spec.Name))
        {
            book.Problems.Add(new Refusal(spec.Name, 0, $"「{spec.Name}」表上传了两次（工作簿里的表和同名 CSV 只能留一个）。"));
            return;
        }
        Dictionary<string, string>? columns = null; // column letter → bare column name
        var taken = book.Sheets[spec.Name] = [];
        var number = 0;
        foreach (IDictionary<string, object?> row in rows)
        {
            number++;
            if (columns is null)
            {
                columns = row.Where(c => Text(c.Value).Length > 0).ToDictionary(c => c.Key, c => CountySheets.Bare(Text(c.Value)));
                if (columns.Count == 0) { columns = null; continue; }
                foreach (var missing in spec.Columns.Where(c => c.Required && !columns.ContainsValue(c.Name)))
                    book.Problems.Add(new Refusal(spec.Name, number, $"缺少「{missing.Name}」这一列。"));
                continue;
            }
            var cells = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (letter, value) in row)
                if (columns.TryGetValue(letter, out var name) && Text(value) is { Length: > 0 } text) cells[name] = text;
            // A row left blank, or the template's note of what to fill in, is no data.
            if (cells.Count == 0) continue;
            taken.Add(new SheetRow(number, cells));
        }
    }

    /// <summary>A cell as text: a phone typed as a number reads as its digits, never as 1.38E+10.</summary>
    internal static string Text(object? value) => value switch
    {
        null => "",
        string s => s.Trim(),
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e17 => ((long)d).ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture).Trim(),
        var other => other.ToString()?.Trim() ?? "",
    };

    private static bool IsZip(byte[] bytes) => bytes is [0x50, 0x4B, 0x03, 0x04, ..];

    private static bool IsUtf8(byte[] bytes)
    {
        try
        {
            _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetCharCount(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static string Source(IReadOnlyList<UploadedFile> files)
    {
        var names = string.Join("、", files.Select(f => Path.GetFileName(f.Name)));
        return names.Length <= 250 ? names : names[..249] + "…";
    }

    private static string Hash(IReadOnlyList<UploadedFile> files)
    {
        if (files.Count == 1) return Convert.ToHexStringLower(SHA256.HashData(files[0].Bytes));
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var f in files)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(f.Name + "\n"));
            sha.AppendData(f.Bytes);
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
