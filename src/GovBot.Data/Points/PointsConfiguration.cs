using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovBot.Data.Points;

internal sealed class PointItemConfiguration : IEntityTypeConfiguration<PointItem>
{
    public void Configure(EntityTypeBuilder<PointItem> b) => b.HasIndex(x => x.Code).IsUnique();
}

internal sealed class PointRuleConfiguration : IEntityTypeConfiguration<PointRule>
{
    public void Configure(EntityTypeBuilder<PointRule> b) => b.HasIndex(x => x.SourceKind).IsUnique();
}

internal sealed class PointEntryConfiguration : IEntityTypeConfiguration<PointEntry>
{
    public void Configure(EntityTypeBuilder<PointEntry> b)
    {
        b.HasIndex(x => new { x.SourceKind, x.SourceId }).IsUnique();
        b.HasIndex(x => new { x.PersonId, x.Year });
        b.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Operator).WithMany().HasForeignKey(x => x.OperatorId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.SourceKind).HasMaxLength(32);
        b.Property(x => x.SourceId).HasMaxLength(64);
        b.Property(x => x.Reason).HasMaxLength(200);
    }
}
