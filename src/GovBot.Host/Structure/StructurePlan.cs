using System.Security.Cryptography;
using System.Text;

namespace GovBot.Host.Structure;

/// <summary>One field of a row that the import changes, as the staff member sees it: old → new.</summary>
public sealed record FieldChange(string Field, string Old, string New);

/// <summary>A row of a sheet and what the import does to it: adds it, changes some fields, or nothing.</summary>
public sealed class RowChange(string sheet, int row, string label, bool added)
{
    public string Sheet { get; } = sheet;
    public int Row { get; } = row;
    /// <summary>How the staff member recognises the row: its code and name.</summary>
    public string Label { get; } = label;
    public bool Added { get; } = added;
    public List<FieldChange> Fields { get; } = [];
    public bool Changed => !Added && Fields.Count > 0;
}

/// <summary>Per sheet: how many rows are added, changed, left as they were.</summary>
public sealed record SheetCounts(string Sheet, int Added, int Changed, int Unchanged);

/// <summary>
/// What an import of one workbook would do to the store as it is now: every row's change and every refused row.
/// The preview shows it; apply plans again inside its transaction and goes ahead only when the plan is the same
/// (<see cref="Digest"/>), so what is written is exactly what the staff member saw.
/// </summary>
public sealed class StructurePlan
{
    public required string Source { get; init; }
    public required string Sha256 { get; init; }
    public List<RowChange> Rows { get; } = [];
    public List<Refusal> Refusals { get; } = [];
    public List<string> Ignored { get; } = [];

    public bool CanApply => Refusals.Count == 0 && Rows.Count > 0;
    public int Added => Rows.Count(r => r.Added);
    public int Changed => Rows.Count(r => r.Changed);
    public int Unchanged => Rows.Count(r => !r.Added && !r.Changed);

    public IReadOnlyList<SheetCounts> Counts() =>
        CountySheets.All.Select(s => s.Name)
            .Select(s => new SheetCounts(s, Rows.Count(r => r.Sheet == s && r.Added), Rows.Count(r => r.Sheet == s && r.Changed),
                Rows.Count(r => r.Sheet == s && !r.Added && !r.Changed)))
            .Where(c => c.Added + c.Changed + c.Unchanged > 0)
            .ToList();

    /// <summary>"社区 9 个（新增 9）；网格 120 个（新增 118，修改 2）…", for the import history.</summary>
    public string Summary()
    {
        var parts = Counts().Select(c =>
        {
            var what = new List<string>();
            if (c.Added > 0) what.Add($"新增 {c.Added}");
            if (c.Changed > 0) what.Add($"修改 {c.Changed}");
            if (what.Count == 0) what.Add("无变化");
            return $"{c.Sheet} {c.Added + c.Changed + c.Unchanged} 行（{string.Join("，", what)}）";
        });
        var text = string.Join("；", parts);
        return text.Length <= 2000 ? text : text[..1999] + "…";
    }

    /// <summary>A fingerprint of every change in this plan (not of the unchanged rows), to check apply against preview.</summary>
    public string Digest()
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes(Sha256 + "\n"));
        foreach (var r in Rows.Where(r => r.Added || r.Changed))
        {
            var line = new StringBuilder().Append(r.Sheet).Append('\u0001').Append(r.Row).Append('\u0001').Append(r.Added ? '+' : '~');
            foreach (var f in r.Fields) line.Append('\u0001').Append(f.Field).Append('\u0002').Append(f.Old).Append('\u0002').Append(f.New);
            sha.AppendData(Encoding.UTF8.GetBytes(line.Append('\n').ToString()));
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
