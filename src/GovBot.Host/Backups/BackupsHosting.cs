using GovBot.Data;
using GovBot.Host.Reminders;
using GovBot.Skills.Reminders;
using Microsoft.Extensions.Options;

namespace GovBot.Host.Backups;

public static class BackupsHosting
{
    /// <summary>
    /// The nightly backup: <see cref="BackupOptions"/> (checked at start), the job (scheduled with the reminders as kind
    /// "backup" on Data:Backup:Cron, see <see cref="Schedule"/>) and its line on /healthz. The commands are <see cref="BackupCommand"/>.
    /// </summary>
    public static IHostApplicationBuilder AddBackupsHosting(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<BackupOptions>().Bind(builder.Configuration.GetSection(BackupOptions.SectionName))
            .Validate(o => o.Keep >= 1, "Data:Backup:Keep must be at least 1.")
            .Validate(o => QuartzCron.IsValid(o.Cron), "Data:Backup:Cron must be a Quartz cron expression, e.g. 0 30 2 * * ?.")
            .ValidateOnStart();
        builder.Services.AddReminder<StoreBackupJob>(StoreBackupJob.Kind, "数据备份", Schedule);
        builder.Services.AddSingleton<BackupHealth>();
        builder.Services.AddHealthChecks().AddCheck<BackupHealth>("backup");
        return builder;
    }

    /// <summary>
    /// Data:Backup:Cron; a missed night (host down at 02:30) runs when the host is back.
    /// Not on PostgreSQL: the copy is of a SQLite file, and a PostgreSQL server is backed up with its own tools.
    /// </summary>
    private static ReminderSchedule? Schedule(IServiceProvider services)
    {
        if (services.GetRequiredService<IOptions<DataOptions>>().Value.Provider == StoreProvider.Postgres)
        {
            // The kinds are built once per host, so this is said once.
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StoreBackupJob))
                .LogInformation("Data:Provider is Postgres: the nightly backup (Data:Backup) copies SQLite files only and is not scheduled; "
                    + "back up the PostgreSQL database with pg_dump (docs/postgres.md)");
            return null;
        }
        return new ReminderSchedule.Cron(services.GetRequiredService<IOptions<BackupOptions>>().Value.Cron, FireLate: true);
    }
}
