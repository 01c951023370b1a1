namespace GovBot.Data.Reports;

/// <summary>A kind of problem residents report, with the time limits a county sets for it.</summary>
public class ReportCategory
{
    public int Id { get; set; }
    public required string Name { get; set; }
    /// <summary>Words residents use for it, separated by '|', e.g. "拉电线|私拉电线|飞线".</summary>
    public string Keywords { get; set; } = "";
    /// <summary>A report not accepted within this time is escalated to the community secretary.</summary>
    public TimeSpan AcceptWithin { get; set; } = TimeSpan.FromHours(2);
    /// <summary>A report not handled within this time after acceptance is escalated too.</summary>
    public TimeSpan HandleWithin { get; set; } = TimeSpan.FromDays(3);
    public int SortOrder { get; set; }
    public bool Active { get; set; } = true;
}
