using GovBot.Data.People;
using GovBot.Data.Places;

namespace GovBot.Data.CheckIns;

public enum CheckInStatus
{
    /// <summary>待审核: submitted, waiting for the community's staff.</summary>
    Pending = 1,
    /// <summary>已通过: the member belongs to the compound branch and grid group.</summary>
    Approved = 2,
    /// <summary>已退回: staff sent it back with a reason; the member may submit again.</summary>
    Returned = 3,
    /// <summary>已关闭: replaced by a newer check-in (a move) or withdrawn. Kept, never deleted.</summary>
    Closed = 4,
}

/// <summary>
/// 双报到: a party member registers at the community where they live. A person has at most one check-in
/// that is not <see cref="CheckInStatus.Closed"/> (a filtered unique index); a move closes the old one with a date.
/// </summary>
public class CheckIn
{
    public int Id { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }
    /// <summary>The name as the member gave it for this check-in.</summary>
    public required string Name { get; set; }
    public PartyMemberKind Kind { get; set; }

    /// <summary>The registered work unit the member picked, if any.</summary>
    public int? WorkUnitId { get; set; }
    public WorkUnit? WorkUnit { get; set; }
    /// <summary>The work unit as typed when it is not registered (or a retired member's former unit); null when none.</summary>
    public string? WorkUnitName { get; set; }
    /// <summary>The party organisation the member belongs to (单位党组织, or 组织关系所在党组织 for retired and mobile members).</summary>
    public string? PartyOrganisationName { get; set; }

    public int CommunityId { get; set; }
    public Community? Community { get; set; }
    public int CompoundId { get; set; }
    public Compound? Compound { get; set; }
    public int? BuildingId { get; set; }
    public Building? Building { get; set; }
    public string? Unit { get; set; }
    public string? Room { get; set; }
    /// <summary>11-digit mainland mobile number.</summary>
    public required string Phone { get; set; }
    /// <summary>Names of the services the member is willing to give, separated by '|'.</summary>
    public string Services { get; set; } = "";

    public CheckInStatus Status { get; set; }
    public string? ReturnReason { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
    public int? ReviewedById { get; set; }
    public Person? ReviewedBy { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string? CloseReason { get; set; }

    /// <summary>Set on approval: the 小区党支部 of the compound (or of the building's grid).</summary>
    public int? CompoundBranchId { get; set; }
    public PartyOrganisation? CompoundBranch { get; set; }
    /// <summary>Set on approval: the 网格党小组 of the building's grid, when the community has one.</summary>
    public int? GridGroupId { get; set; }
    public PartyOrganisation? GridGroup { get; set; }

    /// <summary>"wecom" for the chat, "import" for a roster imported by staff.</summary>
    public string Source { get; set; } = "wecom";

    public List<CheckInEvent> Events { get; set; } = [];

    public bool IsActive => Status != CheckInStatus.Closed;

    public IEnumerable<string> ServiceList => Services.Split('|', StringSplitOptions.RemoveEmptyEntries);
}

public enum CheckInEventKind
{
    Submitted = 1,
    Approved = 2,
    Returned = 3,
    Closed = 4,
    Imported = 5,
}

/// <summary>
/// One step of a check-in with who and when. Points are derived from these rows: an
/// <see cref="CheckInEventKind.Approved"/> event earns the base points the points rules define.
/// </summary>
public class CheckInEvent
{
    public long Id { get; set; }
    public int CheckInId { get; set; }
    public CheckIn? CheckIn { get; set; }
    public CheckInEventKind Kind { get; set; }
    public int? ActorId { get; set; }
    public Person? Actor { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset At { get; set; }
}
