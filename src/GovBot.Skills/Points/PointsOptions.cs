namespace GovBot.Skills.Points;

/// <summary>Section "Points".</summary>
public sealed class PointsOptions
{
    /// <summary>Whether 积分排名 shows other members' full names; otherwise "陈**".</summary>
    public bool ShowNames { get; set; }
    /// <summary>A report earns its handler reward points when the resident gave at least this many stars.</summary>
    public int MinStarsForReward { get; set; } = 4;
    /// <summary>How many lines 积分明细 shows.</summary>
    public int DetailLines { get; set; } = 10;
}
