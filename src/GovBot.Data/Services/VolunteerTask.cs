using GovBot.Data.People;
using GovBot.Data.Places;

namespace GovBot.Data.Services;

public enum VolunteerTaskStatus
{
    Open = 0,
    Full = 1,
    Done = 2,
    Cancelled = 3,
}

/// <summary>Work volunteers are asked to do (上门帮扶, 集市维持秩序): pushed to matching volunteers who accept with a tap.</summary>
public class VolunteerTask
{
    public int Id { get; set; }
    public required string Title { get; set; }
    public required string Place { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public int Needed { get; set; }
    /// <summary>Places filled; moves by a conditional UPDATE (<c>Accepted &lt; Needed</c>) like a slot's count.</summary>
    public int Accepted { get; set; }
    /// <summary>Service kinds wanted, joined by '|' (names of <c>VolunteerServiceKinds</c>); empty means anyone.</summary>
    public string Skills { get; set; } = "";
    /// <summary>What an accepted volunteer should do next, told when they accept.</summary>
    public string? Instructions { get; set; }
    public int CommunityId { get; set; }
    public Community? Community { get; set; }
    public int? GridId { get; set; }
    public Grid? Grid { get; set; }
    public int? TeamId { get; set; }
    public VolunteerTeam? Team { get; set; }
    public int OrganiserId { get; set; }
    public Person? Organiser { get; set; }
    public VolunteerTaskStatus Status { get; set; }
    /// <summary>How many rounds of pushes went out; each round's card has its own WeCom task_id.</summary>
    public int Round { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<TaskOffer> Offers { get; set; } = [];

    public IEnumerable<string> SkillList => Skills.Split('|', StringSplitOptions.RemoveEmptyEntries);
}

public enum TaskAnswer
{
    None = 0,
    Accepted = 1,
    Declined = 2,
}

/// <summary>One volunteer pushed a task in a round, and what they answered.</summary>
public class TaskOffer
{
    public int Id { get; set; }
    public int TaskId { get; set; }
    public VolunteerTask? Task { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }
    public int Round { get; set; }
    public DateTimeOffset OfferedAt { get; set; }
    public TaskAnswer Answer { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    /// <summary>The response_code of the volunteer's tap: one unused code per round lets that round's cards be updated.</summary>
    public string? ResponseCode { get; set; }
    public bool ResponseCodeUsed { get; set; }
}
