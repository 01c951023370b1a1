namespace GovBot.Data.Seeding;

/// <summary>
/// Whether the store holds the made-up demo county, as <see cref="DatabaseInitializer"/> found at start; the staff
/// pages say so on every page, so that nobody takes invented people for real ones.
/// </summary>
public sealed class DemoStore
{
    public bool HoldsDemoCounty { get; set; }
}
