using GovBot.Data;
using GovBot.Host.Backups;
using GovBot.Skills.Reminders;
using GovBot.Skills.Reports;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;

namespace GovBot.Host.Reminders;

public static class ReminderHostingExtensions
{
    /// <summary>
    /// Quartz with its job store in GovBot's own SQLite file (tables QRTZ_*, made by the Reminders migration),
    /// run by whichever host holds the scheduler lease (<see cref="SchedulerLeader"/>; Quartz will not cluster
    /// on SQLite), and the reminder kinds scheduled on it.
    /// Call after AddGovBotData (the store must be migrated first) and AddWeComOutbound.
    /// </summary>
    public static IHostApplicationBuilder AddReminders(this IHostApplicationBuilder builder)
    {
        builder.AddGovBotReminders();
        var services = builder.Services;
        services.AddSingleton(sp => ReminderKinds.Standard(sp.GetRequiredService<IOptions<ReportOptions>>().Value.DeadlineSweepInterval)
            .AddStoreBackup(sp));
        services.AddScoped<ReminderJob>();

        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s =>
            {
                s.InstanceName = "GovBot";
            });
            q.UsePersistentStore(store =>
            {
                store.UseSqlite(ds =>
                {
                    // The same file as EF, read when the store first connects, so a test host's connection string counts.
                    ds.DataSourceFactory = sp => SqliteFactory.Instance.CreateDataSource(ConnectionString(sp));
                });
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

    private static string ConnectionString(IServiceProvider sp)
    {
        using var db = sp.GetRequiredService<IDbContextFactory<GovBotDb>>().CreateDbContext();
        return db.Database.GetConnectionString() ?? throw new InvalidOperationException("GovBot's store has no connection string.");
    }
}
