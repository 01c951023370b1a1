using GovBot.Data.Scheduling;

namespace GovBot.Data.Postgres.Scheduling;

/// <summary>
/// Quartz.NET's own PostgreSQL schema (the create_postgres.sql Quartz 4.7 embeds for SchemaProvisioning, with its table
/// prefix set to <see cref="TablePrefix"/>), for the reminders' clustered job store in GovBot's database. Applied by a
/// migration, so the tables come and go with the rest of the schema; Quartz only validates them at start.
/// </summary>
public static class QuartzPostgresSchema
{
    /// <summary>Lower case: PostgreSQL folds the script's unquoted names, and Quartz's PostgreSQL delegate asks for them so.</summary>
    public const string TablePrefix = "qrtz_";

    /// <summary>The script's statements; Quartz separates them with a line reading "--;;".</summary>
    public static IReadOnlyList<string> Statements() =>
        QuartzSchema.ScriptStatements(typeof(QuartzPostgresSchema).Assembly, "GovBot.Data.Postgres.Scheduling.quartz_postgres.sql");

    /// <summary>Children first, so that dropping them in this order meets no foreign key.</summary>
    public static readonly string[] Tables =
    [
        "fired_triggers", "paused_trigger_grps", "paused_job_grps", "scheduler_state", "locks", "simple_triggers", "simprop_triggers",
        "cron_triggers", "blob_triggers", "triggers", "job_details", "calendars", "execution_history", "misfire_history", "job_status",
    ];
}
