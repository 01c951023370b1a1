using GovBot.Data.CheckIns;
using GovBot.Data.Messaging;
using GovBot.Data.People;
using GovBot.Data.Places;
using GovBot.Data.Points;
using GovBot.Data.Reports;
using GovBot.Data.Services;
using GovBot.Data.Visits;
using GovBot.Data.Wishes;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Data;

public class GovBotDb(DbContextOptions<GovBotDb> options) : DbContext(options)
{
    public DbSet<County> Counties => Set<County>();
    public DbSet<Town> Towns => Set<Town>();
    public DbSet<Community> Communities => Set<Community>();
    public DbSet<Grid> Grids => Set<Grid>();
    public DbSet<MicroGrid> MicroGrids => Set<MicroGrid>();
    public DbSet<GridWorkerAssignment> GridWorkers => Set<GridWorkerAssignment>();
    public DbSet<Compound> Compounds => Set<Compound>();
    public DbSet<Building> Buildings => Set<Building>();
    public DbSet<PropertyManager> PropertyManagers => Set<PropertyManager>();
    public DbSet<ServiceStation> ServiceStations => Set<ServiceStation>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<PartyOrganisation> PartyOrganisations => Set<PartyOrganisation>();
    public DbSet<VolunteerTeam> VolunteerTeams => Set<VolunteerTeam>();
    public DbSet<VolunteerTeamMember> VolunteerTeamMembers => Set<VolunteerTeamMember>();
    public DbSet<InboxMessage> Inbox => Set<InboxMessage>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<ReportCategory> ReportCategories => Set<ReportCategory>();
    public DbSet<Report> Reports => Set<Report>();
    public DbSet<ReportEvent> ReportEvents => Set<ReportEvent>();
    public DbSet<ReportPhoto> ReportPhotos => Set<ReportPhoto>();
    public DbSet<ReportFollower> ReportFollowers => Set<ReportFollower>();
    public DbSet<Open311Client> Open311Clients => Set<Open311Client>();
    public DbSet<CheckIn> CheckIns => Set<CheckIn>();
    public DbSet<CheckInEvent> CheckInEvents => Set<CheckInEvent>();
    public DbSet<WorkUnit> WorkUnits => Set<WorkUnit>();
    public DbSet<UnitPairing> UnitPairings => Set<UnitPairing>();
    public DbSet<VolunteerServiceKind> VolunteerServiceKinds => Set<VolunteerServiceKind>();
    public DbSet<ServiceEvent> ServiceEvents => Set<ServiceEvent>();
    public DbSet<ServiceItem> ServiceItems => Set<ServiceItem>();
    public DbSet<ServiceSlot> ServiceSlots => Set<ServiceSlot>();
    public DbSet<Booking> Bookings => Set<Booking>();
    public DbSet<VolunteerTask> VolunteerTasks => Set<VolunteerTask>();
    public DbSet<TaskOffer> TaskOffers => Set<TaskOffer>();
    public DbSet<VolunteerHours> VolunteerHours => Set<VolunteerHours>();
    public DbSet<PointItem> PointItems => Set<PointItem>();
    public DbSet<PointRule> PointRules => Set<PointRule>();
    public DbSet<PointEntry> PointEntries => Set<PointEntry>();
    public DbSet<Wish> Wishes => Set<Wish>();
    public DbSet<HouseholdVisit> HouseholdVisits => Set<HouseholdVisit>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.ApplyConfigurationsFromAssembly(typeof(GovBotDb).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder conventions)
    {
        // SQLite cannot order or compare DateTimeOffset natively; store UTC ticks so queries on time stay in SQL.
        conventions.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToUtcTicksConverter>();
        conventions.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToUtcTicksConverter>();
    }
}
