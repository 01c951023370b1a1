using System.ComponentModel.DataAnnotations;

namespace GovBot.Host.StaffDirectory;

/// <summary>The address-book sync, bound from the "DirectorySync" section.</summary>
public sealed class DirectorySyncOptions
{
    public const string SectionName = "DirectorySync";

    /// <summary>Whether the scheduled sync runs at all; the 「立即同步」 button works either way.</summary>
    public bool ScheduleEnabled { get; set; } = true;

    /// <summary>Quartz cron in China time; daily at 02:00 by default, when nobody is working reports and before the 02:30 backup.</summary>
    [Required] public string Cron { get; set; } = "0 0 2 * * ?";

    /// <summary>
    /// A sync that would mark more than this share of the synced staff as left is refused until a county admin
    /// confirms it on the page: a 可见范围 set wrong in the WeCom console looks exactly like everyone leaving.
    /// </summary>
    [Range(0.0, 1.0)] public double RemovalShare { get; set; } = 0.2;

    /// <summary>This many leavers are always allowed, so a small county can lose one or two people without a confirmation.</summary>
    [Range(0, 1000)] public int RemovalAllowance { get; set; } = 2;
}
