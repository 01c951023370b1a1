using Microsoft.Extensions.DependencyInjection.Extensions;
using GovBot.Data;
using GovBot.Skills.Reminders;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Quartz;

namespace GovBot.Host.Reminders;

public static class RemindersHosting
{
    /// <summary>
    /// Quartz with its job store in GovBot's own database, and every reminder kind the features registered
    /// (<see cref="ReminderKinds"/>) scheduled on it. On SQLite (tables
    /// QRTZ_*, made by the Reminders migration) it is run by whichever host holds the scheduler lease
    /// (<see cref="SchedulerLeader"/>; Quartz will not cluster on SQLite). On PostgreSQL (tables qrtz_*, made by the
    /// PostgreSQL migrations) every host runs it, clustered: Quartz's row locks hand each firing to one host, and
    /// the others recover the work of a host that stops checking in.
    /// Call after AddGovBotData (the store must be migrated first), AddGovBotReminders and AddWeComHosting.
    /// </summary>
    public static IHostApplicationBuilder AddRemindersHosting(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        // Made when first asked for (at start, by the schedule setup): a kind registered twice stops the start there.
        services.AddSingleton<ReminderKinds>();
        services.AddSingleton<ReminderMetrics>();
        services.TryAddSingleton<GovBot.Host.Staff.SystemTally>();
        services.AddScoped<ReminderJob>();

        var clustered = IsPostgres(builder.Configuration);
        // Read here because Quartz takes its clustering settings while it is registered; validated again at start below.
        var cluster = builder.Configuration.GetSection(ReminderClusterOptions.SectionName).Get<ReminderClusterOptions>() ?? new ReminderClusterOptions();
        // Each host of a cluster must be told apart in qrtz_scheduler_state and qrtz_fired_triggers: the host name and
        // process id name it for an operator, the suffix keeps two hosts in one test process apart.
        var instanceId = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s =>
            {
                s.InstanceName = "GovBot";
                if (clustered) s.InstanceId = instanceId;
            });
            q.UsePersistentStore(store =>
            {
                if (clustered) UsePostgresCluster(store, cluster);
                else
                {
                    store.UseSqlite(ds =>
                    {
                        // The same file as EF, read when the store first connects, so a test host's connection string counts.
                        ds.DataSourceFactory = sp => SqliteFactory.Instance.CreateDataSource(ConnectionString(sp));
                    });
                }
                store.UseSystemTextJsonSerializer();
                store.ConfigureStore(o =>
                {
                    o.StoreJobDataAsStrings = true;
                    o.MisfireThreshold = TimeSpan.FromSeconds(30);
                });
            });
        });
        // Scheduled before Quartz's hosted service starts the scheduler, and after the store is migrated.
        services.AddHostedService<ReminderScheduleSetup>();
        if (clustered)
        {
            services.AddOptions<ReminderClusterOptions>()
                .Bind(builder.Configuration.GetSection(ReminderClusterOptions.SectionName))
                .ValidateDataAnnotations()
                .Validate(o => o.CheckinMisfireThreshold >= o.CheckinInterval,
                    "Reminders:Cluster:CheckinMisfireThreshold must be at least CheckinInterval, or a host merely between check-ins is taken for dead.")
                .ValidateOnStart();
            // Every host runs its scheduler; the cluster decides which one fires each trigger.
            services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
            return builder;
        }
        // Built and bound with the host, but started only by the lease holder.
        services.AddQuartzHostedService(o =>
        {
            o.WaitForJobsToComplete = true;
            o.AutoStart = false;
        });
        services.AddOptions<SchedulerLeaseOptions>()
            .Bind(builder.Configuration.GetSection(SchedulerLeaseOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => o.RenewEvery < o.Duration, "Reminders:Lease:RenewEvery must be shorter than Duration.")
            .ValidateOnStart();
        services.AddHostedService<SchedulerLeader>();
        return builder;
    }

    /// <summary>The staff-and-operator API over the kinds: list, pause, resume (<see cref="RemindersApi"/>).</summary>
    public static IEndpointRouteBuilder MapRemindersHosting(this IEndpointRouteBuilder app)
    {
        app.MapRemindersApi();
        return app;
    }

    /// <summary>Whether the store is PostgreSQL ("Data:Provider" = Postgres); SQLite otherwise, the embedded default.</summary>
    public static bool IsPostgres(IConfiguration configuration) =>
        string.Equals(configuration["Data:Provider"], "Postgres", StringComparison.OrdinalIgnoreCase);

    private static void UsePostgresCluster(IPersistentStoreBuilder store, ReminderClusterOptions cluster)
    {
        // The store's own connection string, so that Quartz and EF always share one database.
        store.UsePostgres(ds => ds.DataSourceFactory = sp => NpgsqlDataSource.Create(ConnectionString(sp)));
        store.UseClustering(c =>
        {
            c.CheckinInterval = cluster.CheckinInterval;
            c.CheckinMisfireThreshold = cluster.CheckinMisfireThreshold;
        });
    }

    private static string ConnectionString(IServiceProvider sp)
    {
        using var db = sp.GetRequiredService<IDbContextFactory<GovBotDb>>().CreateDbContext();
        return db.Database.GetConnectionString() ?? throw new InvalidOperationException("GovBot's store has no connection string.");
    }
}
