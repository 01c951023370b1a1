namespace GovBot.Data.People;

public enum VolunteerJoinStatus
{
    /// <summary>待审核: waiting for the team's lead (or the community's staff).</summary>
    Pending = 1,
    /// <summary>已同意: the person is a member of the team.</summary>
    Approved = 2,
    /// <summary>已婉拒, with <see cref="VolunteerJoinRequest.DeclineReason"/>; the person may ask again.</summary>
    Declined = 3,
}

/// <summary>
/// Someone asks to join a volunteer team. Nobody becomes a member without an approved request, and requests are
/// kept, never deleted, so a decision can always be traced. A person has at most one pending request per team
/// (a filtered unique index), so asking twice cannot queue two cards for the lead.
/// </summary>
public class VolunteerJoinRequest
{
    public int Id { get; set; }
    public int TeamId { get; set; }
    public VolunteerTeam? Team { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }
    /// <summary>Names of the services the person can offer, separated by '|'; empty when they did not say.</summary>
    public string Services { get; set; } = "";
    public VolunteerJoinStatus Status { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public int? DecidedById { get; set; }
    public Person? DecidedBy { get; set; }
    public string? DeclineReason { get; set; }

    public IEnumerable<string> ServiceList => Services.Split('|', StringSplitOptions.RemoveEmptyEntries);
}
