using System.ComponentModel.DataAnnotations;

namespace GovBot.Host.Staff;

/// <summary>Section <c>Staff:System</c>: when 「系统」 warns that a backlog keeps growing.</summary>
public sealed class SystemPageOptions
{
    public const string SectionName = "Staff:System";

    /// <summary>
    /// How many backlog samples in a row (one every 5 minutes per instance) must each be higher than the one before.
    /// Three means the backlog grew over ten minutes; two would warn on a single busy moment.
    /// </summary>
    [Range(2, 24)]
    public int BacklogGrowthSamples { get; set; } = 3;

    /// <summary>
    /// The latest sample must hold at least this many messages: a backlog rising from 1 to 3 is ordinary traffic,
    /// not a host falling behind.
    /// </summary>
    [Range(1, 1_000_000)]
    public int BacklogGrowthFloor { get; set; } = 20;
}
