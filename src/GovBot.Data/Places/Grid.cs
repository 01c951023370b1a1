namespace GovBot.Data.Places;

/// <summary>网格: a management area of a community, patrolled by its grid workers.</summary>
public class Grid
{
    public int Id { get; set; }
    /// <summary>The county's own code for it (from the structure workbook); imports find rows by it, never by name.</summary>
    public string? Code { get; set; }
    /// <summary>The WeCom address-book department of this place; the directory sync maps its members here.</summary>
    public long? WeComDepartmentId { get; set; }
    public int CommunityId { get; set; }
    public Community? Community { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public List<MicroGrid> MicroGrids { get; set; } = [];
    public List<GridWorkerAssignment> Workers { get; set; } = [];
}

/// <summary>微网格: a few buildings, led by a micro-grid lead.</summary>
public class MicroGrid
{
    public int Id { get; set; }
    /// <summary>The county's own code for it (from the structure workbook); imports find rows by it, never by name.</summary>
    public string? Code { get; set; }
    public int GridId { get; set; }
    public Grid? Grid { get; set; }
    public required string Name { get; set; }
    public int? LeadPersonId { get; set; }
    public People.Person? Lead { get; set; }
    public List<Building> Buildings { get; set; } = [];
}

public class GridWorkerAssignment
{
    public int GridId { get; set; }
    public Grid? Grid { get; set; }
    public int PersonId { get; set; }
    public People.Person? Person { get; set; }
}
