using GovBot.Data.CheckIns;
using GovBot.Data.Places;

namespace GovBot.Host.Structure;

internal sealed partial class StructurePlanner
{
    private void Stations()
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var r in Rows(CountySheets.Stations))
        {
            var code = Code(r, "站点编码", seen);
            var name = Name(r, "站点名称");
            var kindWord = r.Need("类型");
            var community = Ref(r, "社区编码", _store.Communities, required: true);
            var compound = Ref(r, "小区编码", _store.Compounds, required: false);
            var address = Name(r, "地址", max: 200);
            var phone = Phone(r, "电话", mobile: false);
            var hoursText = r.Need("开放时间");
            var daysText = r.Get("开放日");
            var services = r.Get("服务内容");
            var at = Coordinates(r);
            ServiceStationKind kind = default;
            if (kindWord.Length > 0 && !CellWords.StationKinds.TryGetValue(kindWord, out kind))
                r.Why.Add($"不认识的站点类型「{kindWord}」（可填：党群服务中心、党群服务站、暖新驿站）");
            var hours = hoursText.Length == 0 ? null : CellWords.Hours(hoursText);
            if (hoursText.Length > 0 && hours is null) r.Why.Add($"开放时间「{hoursText}」看不懂（请写成 08:30-17:30，开门早于关门）");
            var days = CellWords.Days(daysText);
            if (days is null) r.Why.Add($"开放日「{daysText}」看不懂（可写 每天、周一至周五、周六、周日）");
            if (Refused(r)) continue;

            var (x, c) = ByCode(r, _store.Stations, code, $"{code} {name}", () => new ServiceStation { Code = code, Name = name, Address = address });
            Diff(c, "名称", x.Name, name);
            x.Name = name;
            if (x.Kind != kind) Diff(c, "类型", CellWords.StationKinds.FirstOrDefault(k => k.Value == x.Kind).Key, kindWord);
            x.Kind = kind;
            if (x.Community != community) Diff(c, "社区", x.Community?.Name, community!.Name);
            x.Community = community;
            if (compound is not null) { if (x.Compound != compound) Diff(c, "小区", x.Compound?.Name, compound.Name); x.Compound = compound; }
            Diff(c, "地址", x.Address, address);
            x.Address = address;
            if (phone is not null) { Diff(c, "电话", x.Phone, phone); x.Phone = phone; }
            Diff(c, "开放时间", CellWords.Hours(x.OpensAt, x.ClosesAt), CellWords.Hours(hours!.Value.Opens, hours.Value.Closes));
            (x.OpensAt, x.ClosesAt) = hours.Value;
            // An empty 开放日 means every day for a new station and keeps what an existing one has.
            if (daysText.Length > 0 || c.Added) { Diff(c, "开放日", CellWords.DaysText(x.OpenDays), CellWords.DaysText(days!)); x.OpenDays = days!; }
            if (services.Length > 0) { Diff(c, "服务内容", x.Services, services); x.Services = services; }
            Place(c, at, () => (x.Latitude, x.Longitude), (lat, lng) => (x.Latitude, x.Longitude) = (lat, lng));
        }
    }

    private void WorkUnits()
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        var compoundsById = _store.CompoundNames.Values.ToDictionary(c => c.Id);
        foreach (var r in Rows(CountySheets.WorkUnits))
        {
            var code = Code(r, "单位编码", seen);
            var name = Name(r, "单位名称");
            var organisation = Name(r, "党组织名称");
            var contact = r.Get("联系人");
            var phone = Phone(r, "联系电话", mobile: false);
            var paired = new List<Compound>();
            foreach (var compoundCode in CellWords.List(r.Get("结对小区编码")))
                if (_store.Compounds.TryGetValue(compoundCode, out var compound)) { if (!paired.Contains(compound)) paired.Add(compound); }
                else r.Why.Add($"结对小区编码「{compoundCode}」不存在（本表格和系统里都没有）");
            if (name.Length > 0)
            {
                if (names.TryGetValue(name, out var first)) r.Why.Add($"单位名称「{name}」与第 {first} 行重复");
                else names[name] = r.Row.Number;
                if (_store.WorkUnitNames.TryGetValue(name, out var other) && other.Code != code)
                    r.Why.Add($"系统里已有名为「{name}」的单位（编码 {other.Code ?? "无"}）");
            }
            if (contact.Length > 50) r.Why.Add("联系人超过 50 个字");
            if (Refused(r)) continue;

            var (x, c) = ByCode(r, _store.WorkUnits, code, $"{code} {name}", () => new WorkUnit { Code = code, Name = name, PartyOrganisationName = organisation, RegisteredAt = _now });
            Diff(c, "名称", x.Name, name);
            x.Name = name;
            Diff(c, "党组织", x.PartyOrganisationName, organisation);
            x.PartyOrganisationName = organisation;
            if (contact.Length > 0) { Diff(c, "联系人", x.ContactName, contact); x.ContactName = contact; }
            if (phone is not null) { Diff(c, "联系电话", x.ContactPhone, phone); x.ContactPhone = phone; }
            // Pairings are only added: a pairing ends on the check-in pages, not by leaving it out of a sheet.
            var had = x.Id == 0 ? [] : _store.Pairings.Where(p => p.WorkUnitId == x.Id).Select(p => compoundsById.GetValueOrDefault(p.CompoundId)).OfType<Compound>().ToList();
            var added = paired.Where(p => !had.Contains(p)).ToList();
            if (added.Count == 0) continue;
            Diff(c, "结对小区", string.Join("、", had.Select(p => p.Name)), string.Join("、", had.Concat(added).Select(p => p.Name)));
            foreach (var compound in added) NewEntities.Add(new UnitPairing { WorkUnit = x, Compound = compound, PairedAt = _now });
        }
    }
}
