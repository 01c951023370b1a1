using GovBot.Data;
using GovBot.Data.CheckIns;
using GovBot.Data.People;
using GovBot.Data.Points;
using GovBot.Data.Reports;
using GovBot.Data.Wishes;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Load.County;

/// <summary>
/// A year of a county's work on top of an imported structure, so that the staff pages are measured on the amounts a
/// real county has: a report per resident a year with its history, the members checked in (双报到) with their points,
/// and wishes. Written straight into the store (deterministic, seeded), since the chat is measured elsewhere.
/// </summary>
public sealed class CountyActivity(int reports, int checkIns, int wishes, int seed = 423)
{
    private static readonly string[] Problems =
    [
        "楼道灯坏了晚上看不见", "下水道堵了污水往外冒", "单元门禁刷不开", "楼下垃圾好几天没人清", "电动车在楼道里充电",
        "小区路灯不亮", "健身器材松动了", "楼顶漏水", "有人占用消防通道", "噪音太大影响休息",
    ];

    public async Task<string> WriteAsync(GovBotDb db, DateTimeOffset now, CancellationToken ct)
    {
        var random = new Random(seed);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var residents = await db.People.AsNoTracking()
            .Where(p => p.BuildingId != null && p.CompoundId != null && p.CommunityId != null)
            .Select(p => new { p.Id, p.Name, p.Phone, CommunityId = p.CommunityId!.Value, CompoundId = p.CompoundId!.Value, BuildingId = p.BuildingId!.Value })
            .ToListAsync(ct);
        if (residents.Count == 0) throw new InvalidOperationException("No residents with a home in the store: import the workbook first.");
        var gridOfBuilding = await db.Buildings.AsNoTracking().Where(b => b.MicroGridId != null)
            .Select(b => new { b.Id, b.MicroGrid!.GridId }).ToDictionaryAsync(b => b.Id, b => b.GridId, ct);
        var workerOfGrid = (await db.GridWorkers.AsNoTracking().ToListAsync(ct))
            .GroupBy(w => w.GridId).ToDictionary(g => g.Key, g => g.First().PersonId);
        var categories = await db.ReportCategories.AsNoTracking().Select(c => c.Id).ToListAsync(ct);
        var item = await db.PointItems.AsNoTracking().Select(i => i.Id).FirstAsync(ct);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        for (var i = 0; i < reports; i++)
        {
            var who = residents[random.Next(residents.Count)];
            var created = now - TimeSpan.FromMinutes(random.Next(365 * 24 * 60));
            var grid = gridOfBuilding.TryGetValue(who.BuildingId, out var g) ? g : (int?)null;
            var roll = random.NextDouble();
            var status = roll < 0.75 ? ReportStatus.Rated : roll < 0.85 ? ReportStatus.Handled : roll < 0.93 ? ReportStatus.Accepted : ReportStatus.Reported;
            var accepted = status == ReportStatus.Reported ? (DateTimeOffset?)null : created + TimeSpan.FromMinutes(10 + random.Next(600));
            var handled = status is ReportStatus.Handled or ReportStatus.Rated ? accepted + TimeSpan.FromHours(1 + random.Next(72)) : null;
            var report = new Report
            {
                Ticket = $"B{100000 + i}", ReporterId = who.Id, CategoryId = categories[random.Next(categories.Count)],
                Description = Problems[random.Next(Problems.Length)], CommunityId = who.CommunityId, CompoundId = who.CompoundId,
                BuildingId = who.BuildingId, GridId = grid, AssigneeId = grid is { } gg && workerOfGrid.TryGetValue(gg, out var w) ? w : null,
                Status = status, CreatedAt = created, UpdatedAt = handled ?? accepted ?? created, AcceptedAt = accepted, HandledAt = handled,
                ClosedAt = status == ReportStatus.Rated ? handled + TimeSpan.FromDays(1) : null,
                Stars = status == ReportStatus.Rated ? 3 + random.Next(3) : null,
            };
            report.Events.Add(new ReportEvent { To = ReportStatus.Reported, Action = "reported", At = created, ActorId = who.Id });
            if (accepted is not null) report.Events.Add(new ReportEvent { From = ReportStatus.Reported, To = ReportStatus.Accepted, Action = "accepted", At = accepted.Value, ActorId = report.AssigneeId });
            if (handled is not null) report.Events.Add(new ReportEvent { From = ReportStatus.Accepted, To = ReportStatus.Handled, Action = "handled", At = handled.Value, ActorId = report.AssigneeId });
            db.Reports.Add(report);
            if (i % 5000 == 4999) await FlushAsync(db, ct);
        }
        await FlushAsync(db, ct);

        var members = residents.OrderBy(_ => random.Next()).Take(Math.Min(checkIns, residents.Count)).ToList();
        var year = now.ToOffset(TimeSpan.FromHours(8)).Year;
        var index = 0;
        var approved = 0;
        foreach (var m in members)
        {
            var pending = index++ % 20 == 0;
            if (!pending) approved++;
            db.CheckIns.Add(new CheckIn
            {
                PersonId = m.Id, Name = m.Name, Kind = index % 3 == 0 ? PartyMemberKind.Retired : PartyMemberKind.InService,
                WorkUnitName = $"县直单位{index % 90 + 1}", CommunityId = m.CommunityId, CompoundId = m.CompoundId, BuildingId = m.BuildingId,
                Phone = m.Phone ?? $"139{index:00000000}", Status = pending ? CheckInStatus.Pending : CheckInStatus.Approved,
                SubmittedAt = now - TimeSpan.FromDays(random.Next(300)), Source = "import",
            });
            if (!pending)
                for (var e = 0; e < 10; e++)
                    db.PointEntries.Add(new PointEntry
                    {
                        PersonId = m.Id, PointItemId = item, Dimension = PointDimension.Base, Points = 1 + random.Next(5), Reason = "参加志愿服务",
                        SourceKind = "load", SourceId = $"{m.Id}-{e}", At = now - TimeSpan.FromDays(random.Next(200)), Year = year,
                    });
        }
        await db.People.Where(p => members.Select(m => m.Id).Contains(p.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Roles, p => p.Roles | Roles.PartyMember), ct);
        await FlushAsync(db, ct);

        for (var i = 0; i < wishes; i++)
        {
            var who = residents[random.Next(residents.Count)];
            db.Wishes.Add(new Wish
            {
                ResidentId = who.Id, Description = "想请人帮忙修一下家里的旧收音机", CommunityId = who.CommunityId, CompoundId = who.CompoundId,
                Status = (WishStatus)(1 + random.Next(5)), PostedAt = now - TimeSpan.FromDays(random.Next(200)),
            });
        }
        await FlushAsync(db, ct);
        await transaction.CommitAsync(ct);
        return $"报事 {reports}，双报到 {members.Count}，积分记录 {approved * 10}，微心愿 {wishes}";
    }

    private static async Task FlushAsync(GovBotDb db, CancellationToken ct)
    {
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }
}
