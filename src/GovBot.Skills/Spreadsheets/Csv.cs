using System.Globalization;
using System.Text;

namespace GovBot.Skills.Spreadsheets;

/// <summary>
/// RFC 4180 CSV as Excel writes and reads it: quoted fields, doubled quotes, CRLF, an optional BOM. Every export
/// (the staff pages' lists, the check-in roster) writes through here, so all of them defuse formulas the same way.
/// </summary>
public static class Csv
{
    /// <summary>Excel opens a UTF-8 file as Chinese only with this mark in front.</summary>
    public static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>A whole file as Excel opens it: the BOM, the header line, then one line a row.</summary>
    public static byte[] File(IEnumerable<string> headers, IEnumerable<IEnumerable<string?>> rows)
    {
        var text = new StringBuilder(Line(headers));
        foreach (var row in rows) text.Append(Line(row));
        return [.. Utf8Bom, .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public static string Line(IEnumerable<string?> fields) => string.Join(',', fields.Select(Field)) + "\r\n";

    private static string Field(string? value)
    {
        var v = value ?? "";
        // A cell starting with = + - @ would run as a formula in Excel: keep it text. A plain negative number
        // (a points deduction) runs nothing and stays a number.
        if (v.Length > 0 && v[0] is '=' or '+' or '-' or '@' && !IsNegativeNumber(v)) v = "'" + v;
        return v.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : v;
    }

    /// <summary>Rows of fields with the 1-based line each row starts on.</summary>
    public static List<(int Line, List<string> Fields)> Parse(string text)
    {
        var rows = new List<(int, List<string>)>();
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var line = 1;
        var rowLine = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else { if (c == '\n') line++; field.Append(c); }
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    fields.Add(Unescape(field.ToString()));
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(Unescape(field.ToString()));
                    field.Clear();
                    if (fields.Any(f => f.Length > 0)) rows.Add((rowLine, fields));
                    fields = [];
                    line++;
                    rowLine = line;
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }
        fields.Add(Unescape(field.ToString()));
        if (fields.Any(f => f.Length > 0)) rows.Add((rowLine, fields));
        return rows;
    }

    private static bool IsNegativeNumber(string v) =>
        v[0] == '-' && decimal.TryParse(v.AsSpan(1), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _);

    private static string Unescape(string v) =>
        v.Length > 1 && v[0] == '\'' && v[1] is '=' or '+' or '-' or '@' ? v[1..] : v.Trim();
}
