using GovBot.Data.Places;

namespace GovBot.Data.People;

/// <summary>志愿服务队. People join by a <see cref="VolunteerJoinRequest"/> that the lead or the community's staff approve.</summary>
public class VolunteerTeam
{
    public int Id { get; set; }
    public required string Name { get; set; }
    /// <summary>Null for a team that serves the whole county (a 两新 organisation's, say): residents of every community see it.</summary>
    public int? CommunityId { get; set; }
    public Community? Community { get; set; }
    public string? Description { get; set; }
    /// <summary>队长: decides who joins. Without one, the community's staff and secretary decide.</summary>
    public int? LeadPersonId { get; set; }
    public Person? Lead { get; set; }
    public List<VolunteerTeamMember> Members { get; set; } = [];
}

public class VolunteerTeamMember
{
    public int VolunteerTeamId { get; set; }
    public VolunteerTeam? Team { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }
    /// <summary>
    /// Names of the services (<c>VolunteerServiceKind</c>) the member offered when joining, separated by '|'; a task of
    /// the team's community that asks for one of them reaches the member even when it names no team.
    /// </summary>
    public string Services { get; set; } = "";

    public IEnumerable<string> ServiceList => Services.Split('|', StringSplitOptions.RemoveEmptyEntries);
}
