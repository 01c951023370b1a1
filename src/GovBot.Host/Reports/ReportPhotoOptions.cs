using System.ComponentModel.DataAnnotations;

namespace GovBot.Host.Reports;

/// <summary>How report photos are fetched from WeCom; bound from "Reports:Photos", every field optional.</summary>
public sealed class ReportPhotoOptions
{
    public const string SectionName = "Reports:Photos";

    /// <summary>How often photos still to fetch are looked for; a few seconds keeps the worker's view current.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00", ParseLimitsInInvariantCulture = true)]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The wait after the first failure, doubling after each further one up to an hour.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00", ParseLimitsInInvariantCulture = true)]
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Tries per photo before it is left with its error for staff to see. Eight spread over about two
    /// hours, well inside the three days WeCom keeps a media id.
    /// </summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Photos fetched per pass.</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 20;
}
