using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovBot.Data.Seeding;

/// <summary>
/// A fact about the store itself, e.g. that the made-up demo county was loaded into it (<see cref="DemoCounty"/>).
/// Real mode reads it to refuse a store that holds invented people.
/// </summary>
public class StoreFact
{
    public const string DemoCounty = "demo-county";

    public required string Key { get; set; }
    public required string Value { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

internal sealed class StoreFactConfiguration : IEntityTypeConfiguration<StoreFact>
{
    public void Configure(EntityTypeBuilder<StoreFact> b)
    {
        b.HasKey(x => x.Key);
        b.Property(x => x.Key).HasMaxLength(64);
        b.Property(x => x.Value).HasMaxLength(400);
    }
}
