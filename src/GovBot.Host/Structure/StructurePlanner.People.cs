using GovBot.Data.People;
using GovBot.Data.Places;

namespace GovBot.Host.Structure;

/// <summary>
/// People, found by WeCom user id. Roles from the workbook are only ever added: a role taken away (someone who
/// stopped being a grid worker) is taken away by the directory sync or by hand, never because a row or a word is
/// missing from a sheet. A grid worker's grids, when the row names them, become exactly those grids.
/// </summary>
internal sealed partial class StructurePlanner
{
    private const Roles StaffWords = Roles.GridWorker | Roles.Staff | Roles.Secretary | Roles.MicroGridLead | Roles.CountyAdmin | Roles.PartyCenterHousehold | Roles.Volunteer;

    /// <summary>People this import adds, and those whose community the 人员 sheet set (the 居民 sheet leaves it).</summary>
    private readonly HashSet<Person> _addedPeople = [];
    private readonly HashSet<Person> _staffCommunity = [];
    /// <summary>Name and phone each person has on the 人员 sheet: the 居民 sheet must agree, or every import would flip them.</summary>
    private readonly Dictionary<string, (int Row, string Name, string? Phone)> _staffRows = new(StringComparer.Ordinal);

    private void Staff()
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var r in Rows(CountySheets.Staff))
        {
            var userId = Code(r, "企业微信账号", seen);
            var name = Name(r, "姓名", max: 64);
            var phone = Phone(r, "手机", mobile: true);
            var roles = RolesOf(r);
            var community = Ref(r, "社区编码", _store.Communities, required: false);
            var grids = new List<Grid>();
            foreach (var code in CellWords.List(r.Get("网格编码")))
                if (_store.Grids.TryGetValue(code, out var grid)) { if (!grids.Contains(grid)) grids.Add(grid); }
                else r.Why.Add($"网格编码「{code}」不存在（本表格和系统里都没有）");
            if ((roles & Roles.GridWorker) != 0 && grids.Count == 0 && r.Get("网格编码").Length == 0) r.Why.Add("网格员要填网格编码");
            if (grids.Count > 0 && (roles & Roles.GridWorker) == 0) r.Why.Add("填了网格编码，但角色里没有网格员");
            if ((roles & (Roles.Staff | Roles.Secretary)) != 0 && r.Get("社区编码").Length == 0) r.Why.Add("社区工作者和社区书记要填社区编码");
            if (Refused(r)) continue;

            _staffRows[userId] = (r.Row.Number, name, phone);
            var x = PersonOf(userId, name, Roles.None);
            var c = Change(r, $"{userId} {name}", _addedPeople.Contains(x));
            Diff(c, "姓名", x.Name, name);
            x.Name = name;
            if (phone is not null) { Diff(c, "手机", x.Phone, phone); x.Phone = phone; }
            Diff(c, "角色", CellWords.RolesText(x.Roles), CellWords.RolesText(x.Roles | roles));
            x.Roles |= roles;
            // Someone who left the staff and is on the sheet again is staff again.
            if (x.LeftAt is not null) { Diff(c, "状态", "已离开", "在岗"); x.LeftAt = null; }
            // Grid workers without a 社区编码 belong to their first grid's community.
            community ??= grids.FirstOrDefault()?.Community;
            if (community is not null)
            {
                if (x.Community != community) Diff(c, "社区", x.Community?.Name, community.Name);
                x.Community = community;
                _staffCommunity.Add(x);
            }
            if (grids.Count > 0) AssignGrids(x, grids, c);
        }
    }

    private static Roles RolesOf(RowCheck r)
    {
        var roles = Roles.None;
        foreach (var word in CellWords.List(r.Need("角色")))
            if (CellWords.RoleWords.TryGetValue(word, out var role)) roles |= role;
            else r.Why.Add($"不认识的角色「{word}」（可填：网格员、社区工作者、社区书记、微网格长、县级管理员、党员中心户、志愿者）");
        return roles & StaffWords;
    }

    private void AssignGrids(Person x, List<Grid> grids, RowChange c)
    {
        var current = x.Id == 0 ? [] : _store.Assignments.GetValueOrDefault(x.Id) ?? [];
        var had = current.Select(a => a.Grid).OfType<Grid>().ToList();
        if (had.Count == grids.Count && had.All(grids.Contains)) return;
        Diff(c, "网格", string.Join("、", had.Select(g => g.Name)), string.Join("、", grids.Select(g => g.Name)));
        foreach (var a in current.Where(a => !grids.Contains(a.Grid!))) Removed.Add(a);
        foreach (var g in grids.Where(g => !had.Contains(g))) NewEntities.Add(new GridWorkerAssignment { Grid = g, Person = x });
    }

    private Person PersonOf(string userId, string name, Roles roles)
    {
        if (_store.People.TryGetValue(userId, out var x)) return x;
        x = new Person { WeComUserId = userId, Name = name, Roles = roles, CreatedAt = _now };
        _store.People[userId] = x;
        _addedPeople.Add(x);
        NewEntities.Add(x);
        return x;
    }

    private void Residents()
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var r in Rows(CountySheets.Residents))
        {
            var userId = Code(r, "企业微信账号", seen);
            var name = Name(r, "姓名", max: 64);
            var phone = Phone(r, "手机", mobile: true);
            var compound = Ref(r, "小区编码", _store.Compounds, required: true);
            var number = Number(r, "楼号", required: false);
            var unit = r.Get("单元");
            var room = r.Get("房号");
            Building? building = null;
            if (compound is not null && number is { } n && !_store.Buildings.TryGetValue((compound, n), out building))
                r.Why.Add($"{compound.Name}没有 {n} 号楼（楼栋表和系统里都没有）");
            if (unit.Length > 20 || room.Length > 20) r.Why.Add("单元或房号太长");
            if (_staffRows.TryGetValue(userId, out var staff) && (staff.Name != name || (phone is not null && staff.Phone is not null && staff.Phone != phone)))
                r.Why.Add($"姓名或手机与人员表第 {staff.Row} 行不一致");
            if (Refused(r)) continue;

            var x = PersonOf(userId, name, Roles.Resident);
            var c = Change(r, $"{userId} {name}", _addedPeople.Contains(x));
            Diff(c, "姓名", x.Name, name);
            x.Name = name;
            if (phone is not null) { Diff(c, "手机", x.Phone, phone); x.Phone = phone; }
            Diff(c, "角色", CellWords.RolesText(x.Roles), CellWords.RolesText(x.Roles | Roles.Resident));
            x.Roles |= Roles.Resident;
            if (!_staffCommunity.Contains(x))
            {
                if (x.Community != compound!.Community) Diff(c, "社区", x.Community?.Name, compound.Community?.Name);
                x.Community = compound.Community;
            }
            if (x.Compound != compound) Diff(c, "小区", x.Compound?.Name, compound!.Name);
            x.Compound = compound;
            if (building is not null) { if (x.Building != building) Diff(c, "楼栋", x.Building?.Name, building.Name); x.Building = building; }
            if (unit.Length > 0) { Diff(c, "单元", x.Unit, unit); x.Unit = unit; }
            if (room.Length > 0) { Diff(c, "房号", x.Room, room); x.Room = room; }
            // Staff entered the address, so the bot does not ask the resident where they live.
            if (x.OnboardedAt is null) { Diff(c, "住址登记", "未登记", "已登记"); x.OnboardedAt = _now; }
        }
    }

    private void Leads()
    {
        foreach (var (microGrid, leadId, c, r) in _leads)
        {
            if (!_store.People.TryGetValue(leadId, out var lead))
            {
                _plan.Refusals.Add(new Refusal(r.Sheet, r.Row.Number, $"微网格长「{leadId}」不在人员表、居民表里，系统里也没有。"));
                continue;
            }
            var old = microGrid.Lead ?? (microGrid.LeadPersonId is { } id ? _store.PeopleById.GetValueOrDefault(id) : null);
            if (old != lead) Diff(c, "微网格长", old?.Name, lead.Name);
            // A lead who is new and lives in a building of this new micro-grid would make the rows refer to each other
            // before any has a key: the lead is set in a second save, after both exist.
            if (_addedPeople.Contains(lead)) LeadsLater.Add((microGrid, lead));
            else microGrid.Lead = lead;
            if (!lead.Has(Roles.MicroGridLead))
            {
                // Shown on the micro-grid's row: the lead named there becomes a 微网格长.
                Diff(c, $"{lead.Name}的角色", CellWords.RolesText(lead.Roles), CellWords.RolesText(lead.Roles | Roles.MicroGridLead));
                lead.Roles |= Roles.MicroGridLead;
            }
        }
    }
}
