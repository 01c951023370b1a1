namespace GovBot.Data.Points;

/// <summary>The three columns of a 红色账户.</summary>
public enum PointDimension
{
    /// <summary>基础分: being there — checked in, taking part.</summary>
    Base = 1,
    /// <summary>附加分: extra work — micro-wishes, volunteer hours.</summary>
    Extra = 2,
    /// <summary>奖励分: work residents rated well.</summary>
    Reward = 3,
}
