using GovBot.Data.CheckIns;
using GovBot.Data.Messaging;
using GovBot.Data.People;
using GovBot.Data.Places;
using GovBot.Data.Points;
using GovBot.Data.Reports;
using GovBot.Data.Services;
using GovBot.Data.Store;
using GovBot.Data.Visits;
using GovBot.Data.Wishes;
using Microsoft.EntityFrameworkCore;

namespace GovBot.Data;

public class GovBotDb(DbContextOptions<GovBotDb> options) : DbContext(options)
{
    /// <summary>
    /// A context from <see cref="StoreReadOnlyContexts"/>: it reads like any other, and any attempt to write throws
    /// <see cref="StoreWriteDeferredException"/> before a statement is sent.
    /// </summary>
    public bool IsReadOnly { get; internal set; }

    /// <summary>
    /// Called before a write that does not go through SaveChanges (a bulk update, an explicit transaction), so that
    /// work tried on a read-only context is handed back to run with the writers instead of failing in SQLite.
    /// </summary>
    public void EnsureWritable()
    {
        if (IsReadOnly) throw new StoreWriteDeferredException();
    }

    /// <summary>Runs once, after the context is disposed: a read-only lane takes its connection back.</summary>
    internal Action? Disposed { get; set; }

    public override void Dispose()
    {
        var disposed = Disposed;
        Disposed = null;
        base.Dispose();
        disposed?.Invoke();
    }

    public override async ValueTask DisposeAsync()
    {
        var disposed = Disposed;
        Disposed = null;
        await base.DisposeAsync();
        disposed?.Invoke();
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (IsReadOnly && ChangeTracker.HasChanges()) throw new StoreWriteDeferredException();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (IsReadOnly && ChangeTracker.HasChanges()) throw new StoreWriteDeferredException();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

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
    public DbSet<VolunteerJoinRequest> VolunteerJoinRequests => Set<VolunteerJoinRequest>();
    public DbSet<InboxMessage> Inbox => Set<InboxMessage>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<GroupChat> GroupChats => Set<GroupChat>();
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
    public DbSet<Privacy.PersonalDataAudit> PersonalDataAudit => Set<Privacy.PersonalDataAudit>();
    public DbSet<Structure.ImportRecord> ImportRecords => Set<Structure.ImportRecord>();
    public DbSet<Seeding.StoreFact> StoreFacts => Set<Seeding.StoreFact>();
    public DbSet<Teaching.MissedMessage> MissedMessages => Set<Teaching.MissedMessage>();
    public DbSet<Teaching.LearnedPhrase> LearnedPhrases => Set<Teaching.LearnedPhrase>();
    public DbSet<Operations.SystemSample> SystemSamples => Set<Operations.SystemSample>();
    public DbSet<CustomerService.ExternalUser> ExternalUsers => Set<CustomerService.ExternalUser>();
    public DbSet<CustomerService.CustomerServiceLink> CustomerServiceLinks => Set<CustomerService.CustomerServiceLink>();
    public DbSet<CustomerService.CustomerServiceCursor> CustomerServiceCursors => Set<CustomerService.CustomerServiceCursor>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.ApplyConfigurationsFromAssembly(typeof(GovBotDb).Assembly);
        if (Database.IsPostgres()) PostgresStore.QuoteColumns(model.Model);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder conventions)
    {
        // SQLite cannot order or compare DateTimeOffset natively; store UTC ticks so queries on time stay in SQL.
        // PostgreSQL could, but keeps the ticks too: one model, the same queries and the same values on both.
        conventions.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToUtcTicksConverter>();
        conventions.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToUtcTicksConverter>();
    }
}
