using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovBot.Data.Places;

internal sealed class GridWorkerAssignmentConfiguration : IEntityTypeConfiguration<GridWorkerAssignment>
{
    public void Configure(EntityTypeBuilder<GridWorkerAssignment> b) => b.HasKey(x => new { x.GridId, x.PersonId });
}

internal sealed class CompoundConfiguration : IEntityTypeConfiguration<Compound>
{
    public void Configure(EntityTypeBuilder<Compound> b) => b.HasIndex(x => new { x.CommunityId, x.Name }).IsUnique();
}

internal sealed class BuildingConfiguration : IEntityTypeConfiguration<Building>
{
    public void Configure(EntityTypeBuilder<Building> b) => b.HasIndex(x => new { x.CompoundId, x.Number }).IsUnique();
}

internal sealed class MicroGridConfiguration : IEntityTypeConfiguration<MicroGrid>
{
    public void Configure(EntityTypeBuilder<MicroGrid> b) =>
        b.HasOne(x => x.Lead).WithMany().HasForeignKey(x => x.LeadPersonId).OnDelete(DeleteBehavior.SetNull);
}
