using GovBot.Data.Places;

namespace GovBot.Data.People;

/// <summary>志愿服务队.</summary>
public class VolunteerTeam
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public int? CommunityId { get; set; }
    public Community? Community { get; set; }
    public string? Description { get; set; }
    public List<VolunteerTeamMember> Members { get; set; } = [];
}

public class VolunteerTeamMember
{
    public int VolunteerTeamId { get; set; }
    public VolunteerTeam? Team { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }
}
