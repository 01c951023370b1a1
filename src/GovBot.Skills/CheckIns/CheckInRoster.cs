using System.Globalization;
using GovBot.Data;
using GovBot.Data.CheckIns;
using GovBot.Data.People;
using GovBot.Skills.Spreadsheets;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Skills.CheckIns;

/// <summary>Which check-ins a list or an export shows.</summary>
public sealed record RosterFilter(int? CommunityId, CheckInStatus? Status = null, PartyMemberKind? Kind = null, int? WorkUnitId = null, string? Unit = null)
{
    /// <summary>Closed check-ins (replaced after a move) are history; lists leave them out unless asked for by status.</summary>
    public bool IncludeClosed => Status == CheckInStatus.Closed;
}

/// <summary>One roster row that does not fit, and why, in the words staff read.</summary>
public sealed record ImportProblem(int Line, string? Name, IReadOnlyList<string> Problems);

public sealed record ImportReport(bool DryRun, int Rows, int Accepted, IReadOnlyList<ImportProblem> Rejected);

/// <summary>
/// The community's roster of check-ins as staff handle it: filtered lists, counts per kind, a CSV export
/// that Excel opens (UTF-8 with BOM, Chinese headers) and an import of an existing roster in the same
/// columns, with a dry run that reports the rows that do not fit before anything is written.
/// </summary>
public sealed class CheckInRoster(GovBotDb db, CheckInService checkIns, TimeProvider time, WorkUnitDirectory? units = null)
{
    private readonly WorkUnitDirectory _units = units ?? new WorkUnitDirectory(db);

    public static readonly string[] Headers =
    [
        "编号", "姓名", "党员类别", "工作单位", "党组织", "社区", "小区", "楼栋", "单元", "房号", "手机", "服务意愿",
        "状态", "提交时间", "审核时间", "审核人", "退回原因", "小区党支部", "网格党小组", "企业微信账号",
    ];

    public IQueryable<CheckIn> Query(RosterFilter filter)
    {
        var q = checkIns.Query().AsNoTracking();
        if (filter.CommunityId is { } community) q = q.Where(c => c.CommunityId == community);
        q = filter.Status is { } status ? q.Where(c => c.Status == status) : q.Where(c => c.Status != CheckInStatus.Closed);
        if (filter.Kind is { } kind) q = q.Where(c => c.Kind == kind);
        if (filter.WorkUnitId is { } unitId) q = q.Where(c => c.WorkUnitId == unitId);
        if (filter.Unit is { Length: > 0 } unit)
            q = q.Where(c => (c.WorkUnit != null && c.WorkUnit.Name.Contains(unit)) || (c.WorkUnitName != null && c.WorkUnitName.Contains(unit)));
        return q.OrderBy(c => c.Status).ThenBy(c => c.Id);
    }

    public Task<List<CheckIn>> ListAsync(RosterFilter filter, CancellationToken ct) => Query(filter).ToListAsync(ct);

    /// <summary>Check-ins per kind and status (closed ones left out), e.g. 在职党员: 待审核 1, 已通过 3.</summary>
    public async Task<List<(PartyMemberKind Kind, CheckInStatus Status, int Count)>> CountsAsync(int? communityId, CancellationToken ct)
    {
        var q = db.CheckIns.AsNoTracking().Where(c => c.Status != CheckInStatus.Closed);
        if (communityId is { } id) q = q.Where(c => c.CommunityId == id);
        var rows = await q.GroupBy(c => new { c.Kind, c.Status }).Select(g => new { g.Key.Kind, g.Key.Status, Count = g.Count() }).ToListAsync(ct);
        return rows.Select(r => (r.Kind, r.Status, r.Count)).OrderBy(r => r.Kind).ThenBy(r => r.Status).ToList();
    }

    /// <summary>The export (CSV or Excel) of <paramref name="rows"/>, in the columns <see cref="ImportAsync"/> reads back.</summary>
    public static Sheet ToSheet(IEnumerable<CheckIn> rows) => new("双报到", Headers, rows.Select(c => new object?[]
    {
        c.Id.ToString(CultureInfo.InvariantCulture), c.Name, CheckInWording.Kind(c.Kind), CheckInWording.Unit(c), CheckInWording.Organisation(c),
        c.Community?.Name, c.Compound?.Name, c.Building?.Name, c.Unit, c.Room, c.Phone, CheckInWording.Services(c),
        CheckInWording.Status(c.Status), c.SubmittedAt, c.ReviewedAt, c.ReviewedBy?.Name, c.ReturnReason,
        c.CompoundBranch?.Name, c.GridGroup?.Name, c.Person?.WeComUserId,
    }));

    /// <summary>
    /// Reads a roster in the export's columns (姓名, 党员类别, 小区 and 手机 are required; 社区 when no community
    /// is given; the others optional). Rows marked 已通过 or without a status come in approved by
    /// <paramref name="actor"/>, 待审核 ones pending; 已退回 and 已关闭 rows are history and are skipped.
    /// A dry run writes nothing and reports the rows that do not fit: an unknown community, compound or
    /// building, a bad phone, an unknown kind, a member with an open check-in already, a phone twice in the file.
    /// </summary>
    public async Task<ImportReport> ImportAsync(string csv, int? communityScope, bool dryRun, Person actor, CancellationToken ct)
    {
        var rows = Csv.Parse(csv);
        if (rows.Count == 0) return new ImportReport(dryRun, 0, 0, [new ImportProblem(1, null, ["文件是空的"])]);
        var header = rows[0].Fields;
        int Col(string name) => header.FindIndex(h => h.Trim() == name);
        var missing = new[] { "姓名", "党员类别", "小区", "手机" }.Where(h => Col(h) < 0).ToList();
        if (communityScope is null && Col("社区") < 0) missing.Add("社区");
        if (missing.Count > 0)
            return new ImportReport(dryRun, rows.Count - 1, 0, [new ImportProblem(rows[0].Line, null, [$"缺少列：{string.Join("、", missing)}"])]);

        var communities = await db.Communities.AsNoTracking().Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        var compounds = await db.Compounds.AsNoTracking().Select(c => new { c.Id, c.CommunityId, c.Name, c.Aliases }).ToListAsync(ct);
        var unitMatcher = await _units.MatcherAsync(ct);
        var seenPhones = new HashSet<string>(StringComparer.Ordinal);
        var problems = new List<ImportProblem>();
        var accepted = 0;

        if (!dryRun) db.EnsureWritable();
        await using var transaction = dryRun ? null : await db.Database.BeginTransactionAsync(ct);
        foreach (var (line, fields) in rows.Skip(1))
        {
            string Get(string name) => Col(name) is var i and >= 0 && i < fields.Count ? fields[i].Trim() : "";
            var why = new List<string>();
            var name = Get("姓名");
            if (name.Length == 0) why.Add("缺少姓名");

            var kind = CheckInWording.ParseKind(Get("党员类别"));
            if (kind is null) why.Add($"党员类别不对：「{Get("党员类别")}」（在职/退休/流动）");

            var status = Get("状态") switch
            {
                "" or "已通过" => CheckInStatus.Approved,
                "待审核" or "待社区审核" => CheckInStatus.Pending,
                var s when s.Contains("退回", StringComparison.Ordinal) || s.Contains("关闭", StringComparison.Ordinal) => CheckInStatus.Closed,
                _ => (CheckInStatus?)null,
            };
            if (status is null) why.Add($"状态不对：「{Get("状态")}」");
            if (status == CheckInStatus.Closed) why.Add("已退回或已关闭的记录不导入");

            var communityId = communityScope;
            var communityName = Get("社区");
            if (communityName.Length > 0)
            {
                var found = communities.FirstOrDefault(c => c.Name == communityName);
                if (found is null) why.Add($"社区不存在：「{communityName}」");
                else if (communityScope is not null && found.Id != communityScope) why.Add($"不是本社区的：「{communityName}」");
                else communityId = found.Id;
            }

            var compoundName = Get("小区");
            var compound = compounds.FirstOrDefault(c => c.CommunityId == communityId && (c.Name == compoundName
                || (compoundName.Length > 0 && c.Aliases.Split('|').Contains(compoundName))));
            if (compound is null && communityId is not null) why.Add($"小区不存在：「{compoundName}」");

            int? buildingId = null;
            var buildingText = Get("楼栋");
            if (buildingText.Length > 0 && compound is not null)
            {
                var digits = new string(buildingText.Where(char.IsAsciiDigit).ToArray());
                buildingId = int.TryParse(digits, out var number)
                    ? await db.Buildings.AsNoTracking().Where(b => b.CompoundId == compound.Id && b.Number == number).Select(b => (int?)b.Id).FirstOrDefaultAsync(ct)
                    : null;
                if (buildingId is null) why.Add($"{compound.Name}没有这栋楼：「{buildingText}」");
            }

            var phone = CheckInWording.NormalizePhone(Get("手机"));
            if (phone is null) why.Add($"手机号不对：「{Get("手机")}」");
            else if (!seenPhones.Add(phone)) why.Add("手机号在文件里重复");

            var wecom = Get("企业微信账号");
            var person = wecom.Length > 0 ? await db.People.FirstOrDefaultAsync(p => p.WeComUserId == wecom, ct) : null;
            if (person is null && phone is not null) person = await db.People.FirstOrDefaultAsync(p => p.Phone == phone, ct);
            if (person is not null && await db.CheckIns.AnyAsync(c => c.PersonId == person.Id && c.Status != CheckInStatus.Closed, ct))
                why.Add($"{person.Name}已有有效的报到");

            if (why.Count > 0)
            {
                problems.Add(new ImportProblem(line, name.Length > 0 ? name : null, why));
                continue;
            }
            accepted++;
            if (dryRun) continue;

            if (person is null)
            {
                // Someone on a paper roster the bot has not met: kept under their phone until they write to the bot.
                person = new Person
                {
                    WeComUserId = wecom.Length > 0 ? wecom : CheckInService.RosterPrefix + phone, Name = name, Phone = phone,
                    Roles = Roles.Resident | Roles.PartyMember, PartyMemberKind = kind, CreatedAt = time.GetUtcNow(),
                };
                db.People.Add(person);
                await db.SaveChangesAsync(ct);
            }
            // A unit written the way people say it (县卫健局) is matched like a member's answer; an unknown one keeps its full name.
            var unitName = Get("工作单位");
            var match = unitName.Length > 0 ? unitMatcher.Match(unitName, await _units.CountyOfCompoundAsync(compound!.Id, ct)) : null;
            var unit = match?.Unit;
            var checkIn = await checkIns.SubmitAsync(person, new CheckInDraft(name, kind!.Value, compound!.Id, phone!)
            {
                BuildingId = buildingId,
                Unit = Get("单元") is { Length: > 0 } u ? u : null,
                Room = Get("房号") is { Length: > 0 } r ? r : null,
                WorkUnitId = unit?.Id,
                WorkUnitName = unit is not null || unitName.Length == 0 ? null : match?.NewName ?? unitName,
                PartyOrganisationName = unit is null && Get("党组织") is { Length: > 0 } org ? org : null,
                Services = Get("服务意愿").Split(['、', '|', '，', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                Source = "import",
            }, ct, notifyStaff: false);
            checkIn.Events.Add(new CheckInEvent { Kind = CheckInEventKind.Imported, ActorId = actor.Id, At = time.GetUtcNow() });
            if (status == CheckInStatus.Approved) await checkIns.ApproveAsync(checkIn, actor, null, ct, notify: false);
            await db.SaveChangesAsync(ct);
        }
        if (transaction is not null) await transaction.CommitAsync(ct);
        return new ImportReport(dryRun, rows.Count - 1, accepted, problems);
    }
}
