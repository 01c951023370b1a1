using GovBot.Data.People;

namespace GovBot.Data.Reports;

/// <summary>A neighbour who reported the same problem and joined the open report instead of filing a twin.</summary>
public class ReportFollower
{
    public int ReportId { get; set; }
    public Report? Report { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }
    public DateTimeOffset JoinedAt { get; set; }
}
