namespace GovBot.Skills.Wishes;

/// <summary>A step of a wish done, or why not in words for the person who tried.</summary>
public sealed record WishOutcome(bool Done, string? Refusal)
{
    public static readonly WishOutcome Ok = new(true, null);

    public static WishOutcome No(string refusal) => new(false, refusal);
}
