using GovBot.Data.People;
using GovBot.Data.Places;

namespace GovBot.Data.Reports;

/// <summary>说事: a problem a resident reported, and where it stands.</summary>
public class Report
{
    public int Id { get; set; }
    /// <summary>Short enough to read aloud on the phone, e.g. "S1024".</summary>
    public required string Ticket { get; set; }
    public int? ReporterId { get; set; }
    public Person? Reporter { get; set; }
    /// <summary>Reports filed through Open311 carry the filer's name here instead of a person.</summary>
    public string? ExternalReporter { get; set; }
    /// <summary>Phone or e-mail an outside filer left; for staff to call back, never shown on cards.</summary>
    public string? ReporterContact { get; set; }
    public int CategoryId { get; set; }
    public ReportCategory? Category { get; set; }
    public required string Description { get; set; }

    public int CommunityId { get; set; }
    public Community? Community { get; set; }
    public int? CompoundId { get; set; }
    public Compound? Compound { get; set; }
    public int? BuildingId { get; set; }
    public Building? Building { get; set; }
    /// <summary>The place in the resident's words when it is not a building: "东门口".</summary>
    public string? PlaceNote { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public string? LocationLabel { get; set; }
    /// <summary>A picture the filer links to rather than sends (Open311's media_url); theirs to serve, never fetched.</summary>
    public string? MediaUrl { get; set; }

    /// <summary>The grid whose workers handle it; null when no grid could be found (then the community does).</summary>
    public int? GridId { get; set; }
    public Grid? Grid { get; set; }
    public int? AssigneeId { get; set; }
    public Person? Assignee { get; set; }
    public HandoverTarget? HandedTo { get; set; }
    public string? HandedToName { get; set; }

    public ReportStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
    public DateTimeOffset? HandledAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public DateTimeOffset? AcceptEscalatedAt { get; set; }
    public DateTimeOffset? HandleEscalatedAt { get; set; }

    /// <summary>居民议事会 or 联席会议, while deliberating.</summary>
    public string? DeliberationVenue { get; set; }
    public string? ResultNote { get; set; }
    public string? RejectReason { get; set; }
    /// <summary>1–5; null when the resident let the rating period pass (counted as accepted).</summary>
    public int? Stars { get; set; }
    public string? RatingComment { get; set; }
    public bool RatedAutomatically { get; set; }
    /// <summary>"wecom" or "open311".</summary>
    public string Source { get; set; } = "wecom";

    public List<ReportEvent> Events { get; set; } = [];
    public List<ReportPhoto> Photos { get; set; } = [];
    public List<ReportFollower> Followers { get; set; } = [];

    public bool IsOpen => Status is ReportStatus.Reported or ReportStatus.Accepted or ReportStatus.Deliberating;
}
