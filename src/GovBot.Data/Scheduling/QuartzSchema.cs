namespace GovBot.Data.Scheduling;

/// <summary>
/// Quartz.NET's own SQLite schema (its create_sqlite.sql, prefix QRTZ_), for the reminders' persistent job
/// store in GovBot's database. Applied by the Reminders migration, so the tables come and go with the rest
/// of the schema; Quartz only validates them at start.
/// </summary>
public static class QuartzSchema
{
    public const string TablePrefix = "QRTZ_";

    /// <summary>
    /// Which host runs the scheduler: Quartz refuses clustered mode on SQLite, so hosts sharing the file
    /// elect one by holding this lease, and the others keep their schedulers in standby until it lapses.
    /// </summary>
    public const string LeaseTable = "SchedulerLeases";

    public const string CreateLeaseTable =
        "CREATE TABLE IF NOT EXISTS SchedulerLeases (Name TEXT NOT NULL PRIMARY KEY, Holder TEXT NOT NULL, ExpiresAtTicks INTEGER NOT NULL);";

    /// <summary>The script's statements; Quartz separates them with a line reading "--;;".</summary>
    public static IReadOnlyList<string> Statements() =>
        ScriptStatements(typeof(QuartzSchema).Assembly, "GovBot.Data.Scheduling.quartz_sqlite.sql");

    /// <summary>The statements of one of Quartz's schema scripts embedded in <paramref name="assembly"/>, without comments.</summary>
    public static IReadOnlyList<string> ScriptStatements(System.Reflection.Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The Quartz schema script {resource} is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().ReplaceLineEndings("\n").Split("\n--;;\n")
            .Select(s => string.Join('\n', s.Split('\n').Where(l => !l.StartsWith("--", StringComparison.Ordinal))).Trim())
            .Where(s => s.Length > 0)
            .ToList();
    }

    public static readonly string[] Tables =
    [
        "FIRED_TRIGGERS", "PAUSED_TRIGGER_GRPS", "PAUSED_JOB_GRPS", "SCHEDULER_STATE", "LOCKS", "SIMPLE_TRIGGERS", "SIMPROP_TRIGGERS",
        "CRON_TRIGGERS", "BLOB_TRIGGERS", "TRIGGERS", "JOB_DETAILS", "CALENDARS", "EXECUTION_HISTORY", "MISFIRE_HISTORY", "JOB_STATUS",
    ];
}
