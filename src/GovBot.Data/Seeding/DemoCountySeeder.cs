using GovBot.Data.CheckIns;
using GovBot.Data.People;
using GovBot.Data.Places;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Data.Seeding;

/// <summary>
/// Seeds two demo counties built from the articles in shared/seeds: 清徐县 with its three pilot
/// compounds (one for each way a compound and a grid can relate) and 襄垣县 古韩镇 with four of its
/// communities, their 党群服务中心 and 暖新驿站.
/// <para>
/// Community, compound, branch and team names are the real ones from the articles. Everything
/// else is DEMO DATA: every person, WeCom id and phone number, every property company and its
/// number, every address and opening hour, and the compounds 五阳新村 and 永惠家园 are made up;
/// a match with a real person or line is accidental.
/// </para>
/// <para>
/// Deterministic: ids come from the fixed order of declaration below, times from the
/// <see cref="TimeProvider"/> given, nothing is random. It writes only into an empty store
/// (no county, no person), so running it again, or on a store in real use, does nothing.
/// </para>
/// </summary>
public sealed partial class DemoCountySeeder(TimeProvider time)
{
    /// <summary>Seeds when the store is empty. Returns whether it wrote anything.</summary>
    public async Task<bool> SeedAsync(GovBotDb db, CancellationToken cancellationToken = default)
    {
        // The check sits inside the transaction so that the emptiness seen is the one written into.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.Counties.AnyAsync(cancellationToken) || await db.People.AnyAsync(cancellationToken))
            return false;

        var plan = Plan.Build(time.GetUtcNow());
        db.AddRange(plan.Counties);
        db.AddRange(plan.Towns);
        db.AddRange(plan.Communities);
        db.AddRange(plan.PropertyManagers);
        db.AddRange(plan.Compounds);
        db.AddRange(plan.Grids);
        db.AddRange(plan.MicroGrids);
        db.AddRange(plan.Buildings);
        db.AddRange(plan.People);
        db.AddRange(plan.GridWorkers);
        db.AddRange(plan.Stations);
        db.AddRange(plan.Organisations);
        db.AddRange(plan.Teams);
        db.AddRange(plan.TeamMembers);
        db.AddRange(plan.WorkUnits);
        db.AddRange(plan.Pairings);
        db.AddRange(plan.CheckIns);
        // Says the store holds invented people, so that a host in real mode refuses it (DemoDataGuard).
        db.StoreFacts.Add(new StoreFact { Key = StoreFact.DemoCounty, Value = "清徐县、襄垣县（演示，虚构人员）", RecordedAt = time.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);

        // A micro-grid lead lives in a building of the micro-grid they lead, so person → building →
        // micro-grid → lead is a cycle of rows that no insert order satisfies: leads go in second.
        foreach (var (microGrid, lead) in plan.Leads)
            microGrid.LeadPersonId = lead.Id;
        await db.SaveChangesAsync(cancellationToken);

        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return true;
    }

    /// <summary>The whole demo world in memory, with keys and foreign keys set by hand.</summary>
    private sealed partial class Plan
    {
        public List<County> Counties { get; } = [];
        public List<Town> Towns { get; } = [];
        public List<Community> Communities { get; } = [];
        public List<PropertyManager> PropertyManagers { get; } = [];
        public List<Compound> Compounds { get; } = [];
        public List<Grid> Grids { get; } = [];
        public List<MicroGrid> MicroGrids { get; } = [];
        public List<Building> Buildings { get; } = [];
        public List<Person> People { get; } = [];
        public List<GridWorkerAssignment> GridWorkers { get; } = [];
        public List<ServiceStation> Stations { get; } = [];
        public List<PartyOrganisation> Organisations { get; } = [];
        public List<VolunteerTeam> Teams { get; } = [];
        public List<VolunteerTeamMember> TeamMembers { get; } = [];
        public List<(MicroGrid MicroGrid, Person Lead)> Leads { get; } = [];
        public List<WorkUnit> WorkUnits { get; } = [];
        public List<UnitPairing> Pairings { get; } = [];
        public List<CheckIn> CheckIns { get; } = [];

        private readonly DateTimeOffset _now;

        private Plan(DateTimeOffset now) => _now = now;

        // Opening hours, China Standard Time.
        private static readonly TimeOnly CentreOpens = new(8, 30), CentreCloses = new(17, 30);
        private static readonly TimeOnly RestStopOpens = new(8, 0), RestStopCloses = new(20, 0);
        private static readonly TimeOnly StationOpens = new(9, 0), StationCloses = new(17, 0);
        private const string RestStopServices = "饮水、充电、取暖、避暑、歇脚、阅读";
        private const string CentreServices = "党员活动、政务代办、议事协商、日间照料、红色信箱";

        public static Plan Build(DateTimeOffset now)
        {
            var p = new Plan(now);
            p.BuildQingxu();
            p.BuildXiangyuan();
            p.AddCountyAdmin();
            return p;
        }

        private void AddCountyAdmin()
        {
            // One administrator for the whole demo deployment, so tied to no community.
            Person(DemoUsers.CountyAdmin, "白云飞", "13803510099", Roles.Staff | Roles.CountyAdmin, community: null);
            // Someone the bot has not onboarded yet, to demo the onboarding conversation.
            People.Add(new Person
            {
                Id = People.Count + 1,
                WeComUserId = DemoUsers.Newcomer,
                Name = "周婷",
                Roles = Roles.Resident,
                CreatedAt = _now,
            });
        }

        // ── builders: each assigns the next id of its kind ────────────────────────────────────
        private County County(string name)
        {
            var county = new County { Id = Counties.Count + 1, Name = name };
            Counties.Add(county);
            return county;
        }

        private Town Town(County county, string name)
        {
            var town = new Town { Id = Towns.Count + 1, CountyId = county.Id, Name = name };
            Towns.Add(town);
            return town;
        }

        private Community Community(Town town, string name, string address, string phone)
        {
            var community = new Community { Id = Communities.Count + 1, TownId = town.Id, Name = name, Address = address, Phone = phone };
            Communities.Add(community);
            return community;
        }

        private PropertyManager PropertyManager(string name, string phone)
        {
            var manager = new PropertyManager { Id = PropertyManagers.Count + 1, Name = name, Phone = phone };
            PropertyManagers.Add(manager);
            return manager;
        }

        private Compound Compound(Community community, string name, string aliases, PropertyManager manager)
        {
            var compound = new Compound
            {
                Id = Compounds.Count + 1, CommunityId = community.Id, Name = name, Aliases = aliases, PropertyManagerId = manager.Id,
            };
            Compounds.Add(compound);
            return compound;
        }

        /// <summary>
        /// Demo coordinates (GCJ-02, as WeCom location messages give them): made up, inside the county seat, each about
        /// 45 m from the emulator's place of that compound (EmulatorPlaces: 清华苑一期北门, 世纪花园东门, 中隐澜湾小区会所),
        /// so a location sent from the emulator finds its compound.
        /// </summary>
        private static void At(Compound compound, double latitude, double longitude) =>
            (compound.Latitude, compound.Longitude) = (latitude, longitude);

        private Grid Grid(Community community, string name, string description)
        {
            var grid = new Grid { Id = Grids.Count + 1, CommunityId = community.Id, Name = name, Description = description };
            Grids.Add(grid);
            return grid;
        }

        private MicroGrid MicroGrid(Grid grid, string name)
        {
            var microGrid = new MicroGrid { Id = MicroGrids.Count + 1, GridId = grid.Id, Name = name };
            MicroGrids.Add(microGrid);
            return microGrid;
        }

        private void AddBuildings(Compound compound, MicroGrid microGrid, params int[] numbers)
        {
            foreach (var number in numbers)
            {
                Buildings.Add(new Building
                {
                    Id = Buildings.Count + 1, CompoundId = compound.Id, Number = number, Name = $"{number}号楼", MicroGridId = microGrid.Id,
                });
            }
        }

        private Building B(Compound compound, int number) =>
            Buildings.Single(b => b.CompoundId == compound.Id && b.Number == number);

        private Person Person(
            string weComUserId, string name, string phone, Roles roles, Community? community,
            Building? building = null, string? unit = null, string? room = null, PartyMemberKind? kind = null)
        {
            var person = new Person
            {
                Id = People.Count + 1,
                WeComUserId = weComUserId,
                Name = name,
                Phone = phone,
                Roles = roles,
                PartyMemberKind = kind,
                CommunityId = community?.Id,
                CompoundId = building?.CompoundId,
                BuildingId = building?.Id,
                Unit = unit,
                Room = room,
                CreatedAt = _now,
                // Demo people arrive as if staff had registered them, so the bot can serve them at once.
                OnboardedAt = _now,
            };
            People.Add(person);
            return person;
        }

        private void GridWorker(Grid grid, Person person) =>
            GridWorkers.Add(new GridWorkerAssignment { GridId = grid.Id, PersonId = person.Id });

        /// <summary>Makes <paramref name="person"/> lead the first micro-grid of <paramref name="grid"/>.</summary>
        private void Lead(Grid grid, Person person) => Leads.Add((MicroGrids.First(m => m.GridId == grid.Id), person));

        private PartyOrganisation Organisation(
            PartyOrganisationKind kind, string name, Community community, Compound? compound = null, Grid? grid = null,
            PartyOrganisation? parent = null, Person? secretary = null)
        {
            var organisation = new PartyOrganisation
            {
                Id = Organisations.Count + 1,
                Kind = kind,
                Name = name,
                CommunityId = community.Id,
                CompoundId = compound?.Id,
                GridId = grid?.Id,
                ParentId = parent?.Id,
                SecretaryPersonId = secretary?.Id,
            };
            Organisations.Add(organisation);
            return organisation;
        }

        /// <summary>A community's 党群服务中心 and the 暖新驿站 inside it.</summary>
        private void CommunityStations(Community community)
        {
            var address = community.Address ?? community.Name;
            Station(ServiceStationKind.PartyServiceCenter, $"{community.Name}党群服务中心", community, null, address, community.Phone, CentreServices, CentreOpens, CentreCloses, "12345");
            Station(ServiceStationKind.RestStop, $"{community.Name}暖新驿站", community, null, $"{address}，党群服务中心内", community.Phone, RestStopServices, RestStopOpens, RestStopCloses);
        }

        private void Station(
            ServiceStationKind kind, string name, Community community, Compound? compound, string address, string? phone, string services,
            TimeOnly? opensAt = null, TimeOnly? closesAt = null, string openDays = "1234567")
        {
            Stations.Add(new ServiceStation
            {
                Id = Stations.Count + 1,
                Kind = kind,
                Name = name,
                CommunityId = community.Id,
                CompoundId = compound?.Id,
                Address = address,
                Phone = phone,
                OpensAt = opensAt ?? StationOpens,
                ClosesAt = closesAt ?? StationCloses,
                OpenDays = openDays,
                Services = services,
            });
        }

        private WorkUnit WorkUnit(string name, string organisation, string contact, string phone, params Compound[] paired)
        {
            var unit = new WorkUnit
            {
                Id = WorkUnits.Count + 1, Name = name, PartyOrganisationName = organisation, ContactName = contact, ContactPhone = phone,
                RegisteredAt = _now,
            };
            WorkUnits.Add(unit);
            foreach (var compound in paired)
                Pairings.Add(new UnitPairing { WorkUnitId = unit.Id, CompoundId = compound.Id, PairedAt = _now });
            return unit;
        }

        private void ApprovedCheckIn(
            Person member, PartyMemberKind kind, WorkUnit? unit, string organisation, Compound compound, Building building,
            PartyOrganisation branch, Person reviewer, string services)
        {
            var checkIn = new CheckIn
            {
                Id = CheckIns.Count + 1,
                PersonId = member.Id,
                Name = member.Name,
                Kind = kind,
                WorkUnitId = unit?.Id,
                PartyOrganisationName = organisation,
                CommunityId = compound.CommunityId,
                CompoundId = compound.Id,
                BuildingId = building.Id,
                Unit = member.Unit,
                Room = member.Room,
                Phone = member.Phone!,
                Services = services,
                Status = CheckInStatus.Approved,
                SubmittedAt = _now,
                ReviewedAt = _now,
                ReviewedById = reviewer.Id,
                CompoundBranchId = branch.Id,
            };
            checkIn.Events.Add(new CheckInEvent { Kind = CheckInEventKind.Submitted, ActorId = member.Id, At = _now });
            checkIn.Events.Add(new CheckInEvent { Kind = CheckInEventKind.Approved, ActorId = reviewer.Id, At = _now });
            CheckIns.Add(checkIn);
        }

        /// <summary>A team; its <paramref name="lead"/> (队长), when it has one, is also listed among the members.</summary>
        private void Team(string name, Community community, string description, Person? lead, params Person[] members)
        {
            var team = new VolunteerTeam
            {
                Id = Teams.Count + 1, Name = name, CommunityId = community.Id, Description = description, LeadPersonId = lead?.Id,
            };
            Teams.Add(team);
            foreach (var member in members)
                TeamMembers.Add(new VolunteerTeamMember { VolunteerTeamId = team.Id, PersonId = member.Id });
        }
    }
}
