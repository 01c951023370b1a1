namespace GovBot.Data.Reports;

/// <summary>A county system allowed to file reports through Open311; only a hash of its API key is kept.</summary>
public class Open311Client
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string ApiKeyHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public bool Active { get; set; } = true;
}
