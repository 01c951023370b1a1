using GovBot.Data;
using GovBot.Data.People;
using GovBot.Data.Seeding;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Emulator;

/// <summary>
/// Gives the stand-in an address book that matches the demo county: a department per county,
/// community and grid, with the demo staff and grid workers in them, and maps the demo places to those departments
/// (once, on a store where nothing is mapped yet). 「立即同步」 in the emulator then finds everyone where they are.
/// </summary>
public sealed class DirectorySyncEmulatorBook(
    EmulatorStandIn standIn, DemoStore demo, IDbContextFactory<GovBotDb> dbs) : IHostedService
{
    /// <summary>Community departments are numbered 100 + the community's id, grid departments 1000 + the grid's.</summary>
    public const long CommunityBase = 100, GridBase = 1000, CountyBase = 10;

    public async Task StartAsync(CancellationToken ct)
    {
        if (!demo.HoldsDemoCounty) return;
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (!await db.Communities.AnyAsync(c => c.WeComDepartmentId != null, ct) && !await db.Grids.AnyAsync(g => g.WeComDepartmentId != null, ct))
        {
            db.EnsureWritable();
            await db.Communities.ExecuteUpdateAsync(s => s.SetProperty(c => c.WeComDepartmentId, c => CommunityBase + c.Id), ct);
            await db.Grids.ExecuteUpdateAsync(s => s.SetProperty(g => g.WeComDepartmentId, g => GridBase + g.Id), ct);
        }

        var book = standIn.Instance.Directory;
        book.SetDepartment(new StandInDepartment(1, "演示县区", 0));
        book.SetDepartment(new StandInDepartment(2, "县民政局"));
        var communities = await db.Communities.AsNoTracking().Select(c => new { c.Id, c.Name, c.WeComDepartmentId, c.Town!.CountyId, County = c.Town.County!.Name }).ToListAsync(ct);
        foreach (var county in communities.DistinctBy(c => c.CountyId)) book.SetDepartment(new StandInDepartment(CountyBase + county.CountyId, county.County));
        foreach (var c in communities.Where(c => c.WeComDepartmentId is not null))
            book.SetDepartment(new StandInDepartment(c.WeComDepartmentId!.Value, c.Name, CountyBase + c.CountyId));
        var grids = await db.Grids.AsNoTracking().Where(g => g.WeComDepartmentId != null)
            .Select(g => new { g.Id, g.Name, Department = g.WeComDepartmentId!.Value, Parent = g.Community!.WeComDepartmentId }).ToListAsync(ct);
        foreach (var g in grids) book.SetDepartment(new StandInDepartment(g.Department, g.Name, g.Parent ?? 1));

        var communityDepartment = communities.Where(c => c.WeComDepartmentId is not null).ToDictionary(c => c.Id, c => c.WeComDepartmentId!.Value);
        var gridDepartment = grids.ToDictionary(g => g.Id, g => g.Department);
        var staff = await db.People.AsNoTracking()
            .Where(p => p.LeftAt == null && (p.Roles & (Roles.Staff | Roles.Secretary | Roles.GridWorker | Roles.CountyAdmin)) != 0)
            .Select(p => new { p.Id, p.WeComUserId, p.Name, p.Phone, p.Roles, p.CommunityId }).ToListAsync(ct);
        var assignments = (await db.GridWorkers.AsNoTracking().ToListAsync(ct)).ToLookup(w => w.PersonId, w => w.GridId);
        foreach (var p in staff)
        {
            var departments = new List<long>();
            string position;
            if ((p.Roles & Roles.CountyAdmin) != 0)
            {
                departments.Add(1);
                position = "县级管理员";
            }
            else
            {
                if ((p.Roles & (Roles.Staff | Roles.Secretary)) != 0 && p.CommunityId is { } c && communityDepartment.TryGetValue(c, out var cd)) departments.Add(cd);
                departments.AddRange(assignments[p.Id].Where(gridDepartment.ContainsKey).Select(g => gridDepartment[g]));
                position = (p.Roles & Roles.Secretary) != 0 ? "社区党委书记" : (p.Roles & Roles.Staff) != 0 ? "社区工作者" : "专职网格员";
            }
            if (departments.Count > 0) book.SetMember(new StandInMember(p.WeComUserId, p.Name, departments, p.Phone, position));
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
