using System.Globalization;
using GovBot.Data.Places;

namespace GovBot.Host.Structure;

/// <summary>
/// Turns a read workbook into a <see cref="StructurePlan"/> against the store as loaded in <see cref="StructureStore"/>:
/// rows are found by their code (people by WeCom user id), never by name, so a renamed row is renamed and the same
/// workbook twice changes nothing. It changes the loaded objects as it goes and lists the new ones in
/// <see cref="NewEntities"/>; apply saves them, a preview throws them away. Rows the workbook does not list are left
/// alone; nothing is ever deleted, and an empty optional cell keeps what the store has.
/// </summary>
internal sealed partial class StructurePlanner
{
    private readonly CountyWorkbook _book;
    private readonly StructureStore _store;
    private readonly DateTimeOffset _now;
    private readonly StructurePlan _plan;

    public StructurePlanner(CountyWorkbook book, StructureStore store, DateTimeOffset now)
    {
        _book = book;
        _store = store;
        _now = now;
        _plan = new StructurePlan { Source = book.Source, Sha256 = book.Sha256 };
        _plan.Refusals.AddRange(book.Problems);
        _plan.Ignored.AddRange(book.Ignored);
    }

    /// <summary>Objects to add to the store on apply, in an order where each one's references come first.</summary>
    public List<object> NewEntities { get; } = [];

    /// <summary>Grid assignments the 人员 sheet no longer lists for a person whose grids it names.</summary>
    public List<GridWorkerAssignment> Removed { get; } = [];

    /// <summary>Micro-grid leads who are new people, set on apply once the people and micro-grids are saved.</summary>
    public List<(MicroGrid MicroGrid, GovBot.Data.People.Person Lead)> LeadsLater { get; } = [];

    public StructurePlan Plan()
    {
        Communities();
        Grids();
        MicroGrids();
        PropertyManagers();
        Compounds();
        Buildings();
        Staff();
        Residents();
        Leads();
        Stations();
        WorkUnits();
        _plan.Refusals.Sort((a, b) => (Order(a.Sheet), a.Row).CompareTo((Order(b.Sheet), b.Row)));
        return _plan;
    }

    private static int Order(string sheet) => CountySheets.All.Select(s => s.Name).ToList().IndexOf(sheet);

    /// <summary>The reasons one row is refused; the row is left out when it has any.</summary>
    private sealed class RowCheck(string sheet, SheetRow row)
    {
        public List<string> Why { get; } = [];
        public SheetRow Row => row;
        public string Sheet => sheet;

        public string Get(string column) => row[column];

        public string Need(string column)
        {
            var v = row[column];
            if (v.Length == 0) Why.Add($"缺少{column}");
            return v;
        }
    }

    /// <summary>Adds the row's refusal when it has reasons; true when it is refused.</summary>
    private bool Refused(RowCheck r)
    {
        if (r.Why.Count == 0) return false;
        _plan.Refusals.Add(new Refusal(r.Sheet, r.Row.Number, string.Join("；", r.Why) + "。"));
        return true;
    }

    private IEnumerable<RowCheck> Rows(string sheet) => _book.Rows(sheet).Select(row => new RowCheck(sheet, row));

    /// <summary>The row's code: required, at most 64 characters, once per sheet.</summary>
    private static string Code(RowCheck r, string column, Dictionary<string, int> seen)
    {
        var code = r.Need(column);
        if (code.Length == 0) return code;
        if (code.Length > PlaceCodeMax || code.Any(char.IsWhiteSpace)) r.Why.Add($"{column}「{code}」太长或含空格");
        else if (seen.TryGetValue(code, out var first)) r.Why.Add($"{column}「{code}」与本表第 {first} 行重复");
        else seen[code] = r.Row.Number;
        return code;
    }

    private const int PlaceCodeMax = 64;

    /// <summary>A name: required, at most <paramref name="max"/> characters.</summary>
    private static string Name(RowCheck r, string column, int max = 100)
    {
        var name = r.Need(column);
        if (name.Length > max) r.Why.Add($"{column}超过 {max} 个字");
        return name;
    }

    /// <summary>A code this row refers to: in the same workbook or already in the store.</summary>
    private static T? Ref<T>(RowCheck r, string column, Dictionary<string, T> known, bool required) where T : class
    {
        var code = required ? r.Need(column) : r.Get(column);
        if (code.Length == 0) return null;
        if (known.TryGetValue(code, out var found)) return found;
        r.Why.Add($"{column}「{code}」不存在（本表格和系统里都没有）");
        return null;
    }

    private static long? DepartmentId(RowCheck r)
    {
        var text = r.Get("企业微信部门ID");
        if (text.Length == 0) return null;
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0) return id;
        r.Why.Add($"企业微信部门ID「{text}」应为数字");
        return null;
    }

    private static string? Phone(RowCheck r, string column, bool mobile)
    {
        var phone = CellWords.Narrow(r.Get(column));
        if (phone.Length == 0) return null;
        if (mobile ? !CellWords.IsMobile(phone) : !CellWords.IsPhone(phone))
            r.Why.Add(mobile ? $"{column}「{phone}」不是 11 位手机号" : $"{column}「{phone}」不像电话号码");
        return phone;
    }

    /// <summary>The row's entity by its code, made (and listed for insertion) when neither the store nor the file had it yet.</summary>
    private (T Entity, RowChange Change) ByCode<T>(RowCheck r, Dictionary<string, T> byCode, string code, string label, Func<T> create) where T : class
    {
        var entity = byCode.GetValueOrDefault(code);
        var change = Change(r, label, entity is null);
        if (entity is null)
        {
            entity = create();
            byCode[code] = entity;
            NewEntities.Add(entity);
        }
        return (entity, change);
    }

    private RowChange Change(RowCheck r, string label, bool added)
    {
        var change = new RowChange(r.Sheet, r.Row.Number, label, added);
        _plan.Rows.Add(change);
        return change;
    }

    /// <summary>Records old → new of one field of a row that was there before; a new row lists no fields.</summary>
    private static void Diff(RowChange change, string field, string? old, string? now)
    {
        if (change.Added || (old ?? "") == (now ?? "")) return;
        change.Fields.Add(new FieldChange(field, Shown(old), Shown(now)));
    }

    private static string Shown(string? value) => string.IsNullOrEmpty(value) ? "（空）" : value;

    private static string? Str(long? n) => n?.ToString(CultureInfo.InvariantCulture);

    private static string? Str(int? n) => n?.ToString(CultureInfo.InvariantCulture);

    private Town TownOf(string countyName, string townName)
    {
        var county = _store.Counties.FirstOrDefault(c => c.Name == countyName);
        if (county is null)
        {
            county = new County { Name = countyName };
            _store.Counties.Add(county);
            NewEntities.Add(county);
        }
        var town = _store.Towns.FirstOrDefault(t => t.Name == townName && (t.County == county || (county.Id != 0 && t.CountyId == county.Id)));
        if (town is null)
        {
            town = new Town { Name = townName, County = county };
            _store.Towns.Add(town);
            NewEntities.Add(town);
        }
        return town;
    }

    private static string TownText(Town? town) => town is null ? "" : $"{town.County?.Name}{town.Name}";
}
