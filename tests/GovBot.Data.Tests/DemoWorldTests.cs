using GovBot.Data.People;
using GovBot.Data.Places;
using GovBot.Data.Seeding;
using GovBot.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Data.Tests;

/// <summary>One seeded store, read by every test here.</summary>
public sealed class SeededStoreFixture : IAsyncLifetime
{
    private readonly TestStore _store = new();

    public GovBotDb Db { get; private set; } = null!;

    public async Task InitializeAsync() => Db = await _store.MigratedAndSeededAsync();

    public async Task DisposeAsync()
    {
        await Db.DisposeAsync();
        _store.Dispose();
    }
}

public sealed class DemoWorldTests(SeededStoreFixture fixture) : IClassFixture<SeededStoreFixture>
{
    private GovBotDb Db => fixture.Db;

    /// <summary>Grid ids each building of a compound belongs to, through its micro-grid.</summary>
    private async Task<List<int>> GridsOfCompoundAsync(string compound) =>
        await Db.Buildings.Where(b => b.Compound!.Name == compound).Select(b => b.MicroGrid!.GridId).ToListAsync();

    /// <summary>Names of the compounds with at least one building in the grid.</summary>
    private async Task<List<string>> CompoundsOfGridAsync(string grid) =>
        await Db.Buildings.Where(b => b.MicroGrid!.Grid!.Name == grid).Select(b => b.Compound!.Name).Distinct().ToListAsync();

    [Fact]
    public async Task Both_counties_and_their_communities_are_there()
    {
        var communities = await Db.Communities
            .Select(c => c.Town!.County!.Name + "/" + c.Town.Name + "/" + c.Name).ToListAsync();
        string[] expected =
        [
            "清徐县/清源镇/清泉湖社区", "清徐县/清源镇/迎新社区", "清徐县/清源镇/金沙滩社区",
            "襄垣县/古韩镇/永安社区", "襄垣县/古韩镇/府前社区", "襄垣县/古韩镇/五阳社区", "襄垣县/古韩镇/永惠社区",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), communities.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Qinghuayuan_is_one_grid_that_holds_no_other_compound()
    {
        var grids = await GridsOfCompoundAsync("清华苑一期");
        Assert.True(grids.Count >= 8);
        var gridId = Assert.Single(grids.Distinct());
        var grid = await Db.Grids.SingleAsync(g => g.Id == gridId);
        Assert.Equal("清华苑网格", grid.Name);
        Assert.Equal(["清华苑一期"], await CompoundsOfGridAsync(grid.Name));
    }

    [Fact]
    public async Task Shiji_grid_spans_several_small_compounds()
    {
        var compounds = await CompoundsOfGridAsync("世纪网格");
        Assert.True(compounds.Count >= 2, string.Join(",", compounds));
        Assert.Contains("世纪花园", compounds);
        Assert.Contains("世纪家园", compounds);
        foreach (var compound in compounds)
            Assert.Single((await GridsOfCompoundAsync(compound)).Distinct());
    }

    [Fact]
    public async Task Zhongyin_lanwan_is_split_over_several_grids()
    {
        var grids = (await GridsOfCompoundAsync("中隐澜湾")).Distinct().ToList();
        Assert.True(grids.Count >= 2);
        foreach (var gridId in grids)
        {
            var name = await Db.Grids.Where(g => g.Id == gridId).Select(g => g.Name).SingleAsync();
            Assert.Equal(["中隐澜湾"], await CompoundsOfGridAsync(name));
        }
    }

    [Fact]
    public async Task Every_building_reaches_a_grid_worker_through_its_micro_grid()
    {
        var buildings = await Db.Buildings
            .Select(b => new { b.Compound!.Name, b.Number, Workers = b.MicroGrid == null ? -1 : b.MicroGrid.Grid!.Workers.Count })
            .ToListAsync();
        Assert.NotEmpty(buildings);
        var orphans = buildings.Where(b => b.Workers < 1).Select(b => $"{b.Name} {b.Number}号楼").ToList();
        Assert.Empty(orphans);

        var gridWorkers = await Db.GridWorkers.Select(a => a.Person!.Roles).ToListAsync();
        Assert.All(gridWorkers, roles => Assert.True(roles.HasFlag(Roles.GridWorker)));
        Assert.True(await Db.Grids.AllAsync(g => g.Workers.Any()));
    }

    [Fact]
    public async Task Every_community_has_a_committee_a_centre_and_a_rest_stop()
    {
        var communities = await Db.Communities.Select(c => new
        {
            c.Name,
            Committees = Db.PartyOrganisations.Count(o => o.CommunityId == c.Id && o.Kind == PartyOrganisationKind.CommunityCommittee),
            Centres = Db.ServiceStations.Count(s => s.CommunityId == c.Id && s.Kind == ServiceStationKind.PartyServiceCenter),
            RestStops = Db.ServiceStations.Where(s => s.CommunityId == c.Id && s.Kind == ServiceStationKind.RestStop).Select(s => s.Name).ToList(),
            Secretaries = Db.People.Count(p => p.CommunityId == c.Id && (p.Roles & Roles.Secretary) != 0),
            Staff = Db.People.Count(p => p.CommunityId == c.Id && (p.Roles & Roles.Staff) != 0),
        }).ToListAsync();

        Assert.Equal(7, communities.Count);
        Assert.All(communities, c =>
        {
            Assert.Equal(1, c.Committees);
            Assert.Equal(1, c.Centres);
            Assert.Equal([c.Name + "暖新驿站"], c.RestStops);
            Assert.True(c.Secretaries >= 1, c.Name);
            Assert.True(c.Staff >= 2, c.Name);
        });

        var restStop = await Db.ServiceStations.FirstAsync(s => s.Kind == ServiceStationKind.RestStop);
        Assert.Equal(new TimeOnly(8, 0), restStop.OpensAt);
        Assert.Equal(new TimeOnly(20, 0), restStop.ClosesAt);
        Assert.Contains("充电", restStop.Services);
    }

    [Fact]
    public async Task The_pilot_branches_hang_under_their_community_committee()
    {
        string[] branches = ["清华苑一期党支部", "世纪网格党支部", "中隐澜湾小区党支部", "外贸小区党支部", "古韩明珠小区党支部"];
        var found = await Db.PartyOrganisations.Where(o => branches.Contains(o.Name))
            .Select(o => new { o.Name, o.Kind, ParentKind = o.Parent!.Kind, SameCommunity = o.Parent.CommunityId == o.CommunityId, o.SecretaryPersonId })
            .ToListAsync();
        Assert.Equal(branches.Length, found.Count);
        Assert.All(found, o =>
        {
            Assert.Equal(PartyOrganisationKind.CompoundBranch, o.Kind);
            Assert.Equal(PartyOrganisationKind.CommunityCommittee, o.ParentKind);
            Assert.True(o.SameCommunity, o.Name);
            Assert.NotNull(o.SecretaryPersonId);
        });
        Assert.True(await Db.PartyOrganisations.CountAsync(o => o.Kind == PartyOrganisationKind.GridGroup) >= 3);
    }

    [Fact]
    public async Task WeCom_ids_are_unique_and_readable()
    {
        var ids = await Db.People.Select(p => p.WeComUserId).ToListAsync();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(ids, id => Assert.Matches("^[a-z]+$", id));
    }

    [Fact]
    public async Task Demo_users_exist_and_are_who_their_names_say()
    {
        var people = await Db.People.Include(p => p.Compound).Include(p => p.Building)
            .Where(p => DemoUsers.All.Contains(p.WeComUserId)).ToDictionaryAsync(p => p.WeComUserId);
        Assert.Equal(DemoUsers.All.Count, people.Count);

        var resident = people[DemoUsers.Resident];
        Assert.Equal(Roles.Resident, resident.Roles);
        Assert.Equal("清华苑一期", resident.Compound!.Name);
        Assert.Equal(3, resident.Building!.Number);
        Assert.NotNull(resident.OnboardedAt);

        var residentGrid = await Db.Buildings.Where(b => b.Id == resident.BuildingId).Select(b => b.MicroGrid!.GridId).SingleAsync();
        var gridWorker = people[DemoUsers.GridWorker];
        Assert.True(gridWorker.Has(Roles.GridWorker));
        Assert.True(await Db.GridWorkers.AnyAsync(a => a.GridId == residentGrid && a.PersonId == gridWorker.Id));

        var xyGrid = await Db.Buildings.Where(b => b.Id == people[DemoUsers.XiangyuanResident].BuildingId).Select(b => b.MicroGrid!.GridId).SingleAsync();
        Assert.True(await Db.GridWorkers.AnyAsync(a => a.GridId == xyGrid && a.PersonId == people[DemoUsers.XiangyuanGridWorker].Id));

        Assert.Equal(PartyMemberKind.InService, people[DemoUsers.InServicePartyMember].PartyMemberKind);
        Assert.Equal(PartyMemberKind.Retired, people[DemoUsers.RetiredPartyMember].PartyMemberKind);
        Assert.Equal(PartyMemberKind.Mobile, people[DemoUsers.MobilePartyMember].PartyMemberKind);
        Assert.True(people[DemoUsers.InServicePartyMember].Has(Roles.PartyMember | Roles.Resident));
        Assert.True(people[DemoUsers.PartyCenterHousehold].Has(Roles.PartyCenterHousehold | Roles.PartyMember));
        Assert.True(people[DemoUsers.Volunteer].Has(Roles.Volunteer));
        Assert.True(await Db.VolunteerTeamMembers.AnyAsync(m => m.PersonId == people[DemoUsers.Volunteer].Id));
        Assert.True(people[DemoUsers.Staff].Has(Roles.Staff));
        Assert.True(people[DemoUsers.Secretary].Has(Roles.Secretary | Roles.Staff));
        Assert.True(people[DemoUsers.CountyAdmin].Has(Roles.CountyAdmin));

        var lead = people[DemoUsers.MicroGridLead];
        Assert.True(lead.Has(Roles.MicroGridLead));
        Assert.True(await Db.MicroGrids.AnyAsync(m => m.LeadPersonId == lead.Id && m.Buildings.Any(b => b.Id == lead.BuildingId)));

        var newcomer = people[DemoUsers.Newcomer];
        Assert.Null(newcomer.OnboardedAt);
        Assert.Null(newcomer.CommunityId);
    }

    [Fact]
    public async Task Residents_have_full_addresses_and_party_members_a_kind()
    {
        var residents = await Db.People.Where(p => (p.Roles & Roles.Resident) != 0 && p.WeComUserId != DemoUsers.Newcomer).ToListAsync();
        Assert.True(residents.Count(p => p.CompoundId == residents.First(r => r.WeComUserId == DemoUsers.Resident).CompoundId) >= 2);
        Assert.All(residents, p =>
        {
            Assert.NotNull(p.CompoundId);
            Assert.NotNull(p.BuildingId);
            Assert.False(string.IsNullOrEmpty(p.Unit));
            Assert.False(string.IsNullOrEmpty(p.Room));
            Assert.NotNull(p.OnboardedAt);
        });

        // A resident's compound is the compound of their building, and lies in their community.
        var mismatched = await Db.People.Where(p => p.BuildingId != null &&
            (p.Building!.CompoundId != p.CompoundId || p.Building.Compound!.CommunityId != p.CommunityId)).CountAsync();
        Assert.Equal(0, mismatched);

        var kinds = await Db.People.Where(p => (p.Roles & Roles.PartyMember) != 0).Select(p => p.PartyMemberKind).ToListAsync();
        Assert.DoesNotContain(null, kinds);
        Assert.Equal(3, kinds.Distinct().Count());
        Assert.False(await Db.People.AnyAsync(p => p.PartyMemberKind != null && (p.Roles & Roles.PartyMember) == 0));
    }

    [Fact]
    public async Task Compounds_have_a_property_manager_with_a_phone()
    {
        var compounds = await Db.Compounds.Include(c => c.PropertyManager).ToListAsync();
        Assert.True(compounds.Count >= 7);
        Assert.All(compounds, c => Assert.False(string.IsNullOrEmpty(c.PropertyManager?.Phone), c.Name));
    }

    [Fact]
    public async Task Named_volunteer_teams_have_members()
    {
        var teams = await Db.VolunteerTeams.Select(t => new { t.Name, Members = t.Members.Count }).ToListAsync();
        foreach (var name in new[] { "红色唠嗑队", "热心帮帮团", "快递小哥志愿服务队" })
            Assert.True(teams.Single(t => t.Name == name).Members >= 1, name);
        var memberRoles = await Db.VolunteerTeamMembers.Select(m => m.Person!.Roles).ToListAsync();
        Assert.All(memberRoles, r => Assert.True(r.HasFlag(Roles.Volunteer)));
    }
}
