using GovBot.Data.Points;

namespace GovBot.Skills.Points;

public static class PointsWording
{
    public static string Dimension(PointDimension d) => d switch
    {
        PointDimension.Base => "基础分",
        PointDimension.Extra => "附加分",
        PointDimension.Reward => "奖励分",
        _ => "积分",
    };

    public static string Signed(int points) => points >= 0 ? $"+{points}" : points.ToString();

    /// <summary>"陈志强" → "陈**": others in a ranking stay private unless the county shows names.</summary>
    public static string Mask(string name) => name.Length <= 1 ? name : name[0] + new string('*', name.Length - 1);
}
