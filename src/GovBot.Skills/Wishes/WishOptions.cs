namespace GovBot.Skills.Wishes;

/// <summary>Section "Wishes".</summary>
public sealed class WishOptions
{
    /// <summary>A claim not marked fulfilled within this long is released for others, with a reminder to the claimer.</summary>
    public TimeSpan ClaimStaleAfter { get; set; } = TimeSpan.FromDays(7);
    /// <summary>How many open wishes 认领心愿 lists at once.</summary>
    public int ListSize { get; set; } = 8;
}
