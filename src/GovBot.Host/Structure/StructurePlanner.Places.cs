using System.Globalization;
using GovBot.Data.Places;

namespace GovBot.Host.Structure;

internal sealed partial class StructurePlanner
{
    private void Communities()
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var r in Rows(CountySheets.Communities))
        {
            var code = Code(r, "社区编码", seen);
            var name = Name(r, "社区名称");
            var county = Name(r, "县");
            var townName = Name(r, "镇（街道）");
            var address = r.Get("地址");
            var phone = Phone(r, "电话", mobile: false);
            var department = DepartmentId(r);
            if (Refused(r)) continue;
            var town = TownOf(county, townName);
            var (x, c) = ByCode(r, _store.Communities, code, $"{code} {name}", () => new Community { Code = code, Name = name });
            Diff(c, "名称", x.Name, name);
            x.Name = name;
            if (x.Town != town) Diff(c, "所属镇（街道）", TownText(x.Town), TownText(town));
            x.Town = town;
            if (address.Length > 0) { Diff(c, "地址", x.Address, address); x.Address = address; }
            if (phone is not null) { Diff(c, "电话", x.Phone, phone); x.Phone = phone; }
            if (department is not null) { Diff(c, "企业微信部门ID", Str(x.WeComDepartmentId), Str(department)); x.WeComDepartmentId = department; }
        }
    }

    private void Grids()
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var r in Rows(CountySheets.Grids))
        {
            var code = Code(r, "网格编码", seen);
            var name = Name(r, "网格名称");
            var community = Ref(r, "社区编码", _store.Communities, required: true);
            var description = r.Get("说明");
            var department = DepartmentId(r);
            if (Refused(r)) continue;
            var (x, c) = ByCode(r, _store.Grids, code, $"{code} {name}", () => new Grid { Code = code, Name = name });
            Diff(c, "名称", x.Name, name);
            x.Name = name;
            if (x.Community != community) Diff(c, "社区", x.Community?.Name, community!.Name);
            x.Community = community;
            if (description.Length > 0) { Diff(c, "说明", x.Description, description); x.Description = description; }
            if (department is not null) { Diff(c, "企业微信部门ID", Str(x.WeComDepartmentId), Str(department)); x.WeComDepartmentId = department; }
        }
    }

    /// <summary>A micro-grid's lead waits until the 人员 and 居民 sheets are planned: the lead may be new in them.</summary>
    private readonly List<(MicroGrid MicroGrid, string LeadId, RowChange Change, RowCheck Row)> _leads = [];

    private void MicroGrids()
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var r in Rows(CountySheets.MicroGrids))
        {
            var code = Code(r, "微网格编码", seen);
            var name = Name(r, "微网格名称");
            var grid = Ref(r, "网格编码", _store.Grids, required: true);
            var lead = r.Get("微网格长企业微信账号");
            if (Refused(r)) continue;
            var (x, c) = ByCode(r, _store.MicroGrids, code, $"{code} {name}", () => new MicroGrid { Code = code, Name = name });
            Diff(c, "名称", x.Name, name);
            x.Name = name;
            if (x.Grid != grid) Diff(c, "网格", x.Grid?.Name, grid!.Name);
            x.Grid = grid;
            if (lead.Length > 0) _leads.Add((x, lead, c, r));
        }
    }

    private void PropertyManagers()
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var r in Rows(CountySheets.PropertyManagers))
        {
            var code = Code(r, "物业编码", seen);
            var name = Name(r, "物业名称");
            var phone = Phone(r, "电话", mobile: false);
            if (Refused(r)) continue;
            var (x, c) = ByCode(r, _store.PropertyManagers, code, $"{code} {name}", () => new PropertyManager { Code = code, Name = name });
            Diff(c, "名称", x.Name, name);
            x.Name = name;
            if (phone is not null) { Diff(c, "电话", x.Phone, phone); x.Phone = phone; }
        }
    }

    private void Compounds()
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = new Dictionary<(Community, string), int>();
        foreach (var r in Rows(CountySheets.Compounds))
        {
            var code = Code(r, "小区编码", seen);
            var name = Name(r, "小区名称");
            var community = Ref(r, "社区编码", _store.Communities, required: true);
            var aliases = string.Join('|', CellWords.List(r.Get("简称/曾用名")).Distinct());
            var manager = Ref(r, "物业编码", _store.PropertyManagers, required: false);
            var at = Coordinates(r);
            if (community is not null && name.Length > 0)
            {
                if (names.TryGetValue((community, name), out var first)) r.Why.Add($"同一社区的小区名称「{name}」与第 {first} 行重复");
                else names[(community, name)] = r.Row.Number;
                if (community.Id != 0 && _store.CompoundNames.TryGetValue((community.Id, name), out var other) && other.Code != code)
                    r.Why.Add($"该社区已有名为「{name}」的小区（编码 {other.Code ?? "无"}）");
            }
            if (Refused(r)) continue;
            var (x, c) = ByCode(r, _store.Compounds, code, $"{code} {name}", () => new Compound { Code = code, Name = name });
            Diff(c, "名称", x.Name, name);
            x.Name = name;
            if (x.Community != community) Diff(c, "社区", x.Community?.Name, community!.Name);
            x.Community = community;
            if (aliases.Length > 0) { Diff(c, "简称/曾用名", x.Aliases, aliases); x.Aliases = aliases; }
            if (manager is not null && x.PropertyManager != manager) Diff(c, "物业", x.PropertyManager?.Name, manager.Name);
            if (manager is not null) x.PropertyManager = manager;
            Place(c, at, () => (x.Latitude, x.Longitude), (lat, lng) => (x.Latitude, x.Longitude) = (lat, lng));
        }
    }

    private void Buildings()
    {
        var seen = new Dictionary<(Compound, int), int>();
        foreach (var r in Rows(CountySheets.Buildings))
        {
            var compound = Ref(r, "小区编码", _store.Compounds, required: true);
            var number = Number(r, "楼号", required: true);
            var name = r.Get("楼栋名称");
            var units = Number(r, "单元数", required: false);
            var microGrid = Ref(r, "微网格编码", _store.MicroGrids, required: false);
            if (name.Length > 50) r.Why.Add("楼栋名称超过 50 个字");
            if (compound is not null && number is { } n)
            {
                if (seen.TryGetValue((compound, n), out var first)) r.Why.Add($"{compound.Name}{n}号楼与第 {first} 行重复");
                else seen[(compound, n)] = r.Row.Number;
            }
            if (Refused(r)) continue;
            if (name.Length == 0) name = $"{number}号楼";
            var x = _store.Buildings.GetValueOrDefault((compound!, number!.Value));
            var c = Change(r, $"{compound!.Code} {compound.Name}{name}", x is null);
            if (x is null)
            {
                x = new Building { Name = name, Number = number.Value, Compound = compound };
                _store.Buildings[(compound, number.Value)] = x;
                NewEntities.Add(x);
            }
            Diff(c, "楼栋名称", x.Name, name);
            x.Name = name;
            if (units is not null) { Diff(c, "单元数", Str(x.Units), Str(units)); x.Units = units; }
            if (microGrid is not null && x.MicroGrid != microGrid) Diff(c, "微网格", x.MicroGrid?.Name, microGrid.Name);
            if (microGrid is not null) x.MicroGrid = microGrid;
        }
    }

    /// <summary>A whole number as typed: 「3」, or 「3号楼」「3栋」 as offices write building numbers.</summary>
    private static int? Number(RowCheck r, string column, bool required)
    {
        var text = required ? r.Need(column) : r.Get(column);
        if (text.Length == 0) return null;
        var digits = CellWords.Narrow(text).TrimEnd('楼', '栋', '幢', '号', '个', '单', '元');
        if (int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 0 and <= 100_000) return n;
        r.Why.Add($"{column}「{text}」应为数字");
        return null;
    }
}
