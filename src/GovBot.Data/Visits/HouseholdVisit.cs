using GovBot.Data.People;
using GovBot.Data.Places;

namespace GovBot.Data.Visits;

/// <summary>One household a 党员中心户 or grid worker went to see (周走访), as they reported it in the chat.</summary>
public class HouseholdVisit
{
    public int Id { get; set; }
    public int VisitorId { get; set; }
    public Person? Visitor { get; set; }
    public int BuildingId { get; set; }
    public Building? Building { get; set; }
    /// <summary>As residents' addresses are kept: "2单元", "301".</summary>
    public string? Unit { get; set; }
    public string? Room { get; set; }
    public DateTimeOffset At { get; set; }
    public string? Note { get; set; }
}
