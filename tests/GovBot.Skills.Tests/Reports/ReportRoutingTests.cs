using GovBot.Data.Places;
using GovBot.Data.Seeding;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Skills.Tests.Reports;

/// <summary>Building → micro-grid → grid → grid workers, for the three ways compounds and grids relate in the seeds.</summary>
public sealed class ReportRoutingTests : IAsyncLifetime
{
    private ReportWorld _world = null!;

    public async Task InitializeAsync() => _world = await ReportWorld.StartAsync();

    public Task DisposeAsync()
    {
        _world.Dispose();
        return Task.CompletedTask;
    }

    [Theory]
    // 小区和网格一样大: the building's grid is the compound's.
    [InlineData("清华苑一期", 3, "清华苑网格", new[] { DemoUsers.GridWorker })]
    [InlineData("清华苑一期", null, "清华苑网格", new[] { DemoUsers.GridWorker })]
    // 网格大、小区小: both compounds of 世纪网格 go to its one worker.
    [InlineData("世纪花园", 2, "世纪网格", new[] { "zhenghaiyan" })]
    [InlineData("世纪家园", 1, "世纪网格", new[] { "zhenghaiyan" })]
    // 小区大、网格小: the building picks one of three grids.
    [InlineData("中隐澜湾", 6, "中隐澜湾二网格", new[] { "luodan" })]
    [InlineData("中隐澜湾", 10, "中隐澜湾三网格", new[] { "liangxiaodong" })]
    [InlineData("中隐澜湾", 1, "中隐澜湾一网格", new[] { "xuguoqing" })]
    public async Task A_building_or_a_one_grid_compound_goes_to_its_grid(string compound, int? building, string grid, string[] workers)
    {
        var route = await RouteAsync(compound, building);

        Assert.Equal(grid, await _world.WithAsync(s => s.Db.Grids.Where(g => g.Id == route.GridId).Select(g => g.Name).SingleAsync()));
        Assert.Equal(workers.Order(), route.Workers.Select(w => w.WeComUserId).Order());
    }

    [Fact]
    public async Task A_compound_of_several_grids_without_a_building_goes_to_all_their_workers_and_no_one_grid()
    {
        var route = await RouteAsync("中隐澜湾", null);

        Assert.Null(route.GridId);
        Assert.Equal(["liangxiaodong", "luodan", "xuguoqing"], route.Workers.Select(w => w.WeComUserId).Order());
    }

    [Fact]
    public async Task A_compound_without_grids_goes_to_the_community_staff()
    {
        await _world.WithAsync(async s =>
        {
            var community = await s.Db.Communities.FirstAsync(c => c.Name == "清泉湖社区");
            var compound = new Compound { CommunityId = community.Id, Name = "清泉湖老宿舍" };
            compound.Buildings.Add(new Building { Name = "1号楼", Number = 1 });
            s.Db.Compounds.Add(compound);
            return await s.Db.SaveChangesAsync();
        });

        var withBuilding = await RouteAsync("清泉湖老宿舍", 1);
        var withoutBuilding = await RouteAsync("清泉湖老宿舍", null);

        foreach (var route in new[] { withBuilding, withoutBuilding })
        {
            Assert.Null(route.GridId);
            Assert.Equal([DemoUsers.Secretary, DemoUsers.Staff], route.Workers.Select(w => w.WeComUserId).Order());
        }
    }

    [Fact]
    public async Task Secretaries_are_only_the_secretaries_of_that_community()
    {
        var secretaries = await _world.WithAsync(async s =>
            await s.Routing.SecretariesAsync((await s.Db.Communities.FirstAsync(c => c.Name == "清泉湖社区")).Id, default));

        Assert.Equal([DemoUsers.Secretary], secretaries.Select(p => p.WeComUserId));
    }

    private Task<Skills.Reports.Route> RouteAsync(string compound, int? building) => _world.WithAsync(async s =>
    {
        var c = await s.Db.Compounds.FirstAsync(x => x.Name == compound);
        int? buildingId = building is { } n ? (await s.Db.Buildings.FirstAsync(b => b.CompoundId == c.Id && b.Number == n)).Id : null;
        return await s.Routing.RouteAsync(c.CommunityId, c.Id, buildingId, default);
    });
}
