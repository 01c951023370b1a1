using System.ComponentModel.DataAnnotations;

namespace GovBot.Host.Reminders;

/// <summary>How hosts sharing the database agree which one runs the reminders; bound from "Reminders:Lease".</summary>
public sealed class SchedulerLeaseOptions
{
    public const string SectionName = "Reminders:Lease";

    /// <summary>How long a lease holds without renewal: how long reminders wait after the running host dies.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ParseLimitsInInvariantCulture = true)]
    public TimeSpan Duration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the holder renews it and the others try for it; well under <see cref="Duration"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00", ParseLimitsInInvariantCulture = true)]
    public TimeSpan RenewEvery { get; set; } = TimeSpan.FromSeconds(5);
}
