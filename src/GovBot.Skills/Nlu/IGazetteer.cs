namespace GovBot.Skills.Nlu;

/// <summary>A name the router can recognise, with the other words people use for it.</summary>
public sealed record GazetteerEntry(string Name, IReadOnlyList<string> Aliases);

/// <summary>
/// Names that come from the store, so that a county's own places and categories are recognised.
/// The router matches each entry's name and its aliases. It rebuilds its lookup tables when a
/// property returns a different list instance, so return the same instance until the data changes.
/// </summary>
public interface IGazetteer
{
    IReadOnlyList<GazetteerEntry> Compounds { get; }
    IReadOnlyList<GazetteerEntry> Communities { get; }
    /// <summary>Report categories with their trigger words (aliases), e.g. 飞线充电 ← 拉电线, 私拉电线.</summary>
    IReadOnlyList<GazetteerEntry> ReportCategories { get; }
    /// <summary>Volunteer services, e.g. 理发 ← 剪头发, 剃头.</summary>
    IReadOnlyList<GazetteerEntry> Services { get; }
}
