using System.ComponentModel.DataAnnotations;

namespace GovBot.Host.Reminders;

/// <summary>
/// How the hosts sharing a PostgreSQL store watch each other's schedulers (Quartz clustering); bound from
/// "Reminders:Cluster" and read only when Data:Provider is Postgres. A host that stops checking in for
/// <see cref="CheckinInterval"/> + <see cref="CheckinMisfireThreshold"/> is taken for dead, and another host
/// recovers the reminder it was running.
/// </summary>
public sealed class ReminderClusterOptions
{
    public const string SectionName = "Reminders:Cluster";

    /// <summary>How often each host records in the database that its scheduler is alive.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "00:05:00", ParseLimitsInInvariantCulture = true)]
    public TimeSpan CheckinInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long past a missed check-in the others wait before they take the host's work over.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "00:10:00", ParseLimitsInInvariantCulture = true)]
    public TimeSpan CheckinMisfireThreshold { get; set; } = TimeSpan.FromSeconds(20);
}
