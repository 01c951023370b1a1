using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovBot.Data.CheckIns;

internal sealed class CheckInConfiguration : IEntityTypeConfiguration<CheckIn>
{
    public void Configure(EntityTypeBuilder<CheckIn> b)
    {
        // At most one check-in per person that is not closed (4 = Closed): the store itself refuses a second.
        b.HasIndex(x => x.PersonId).IsUnique().HasFilter("\"Status\" <> 4").HasDatabaseName("IX_CheckIns_PersonId_Active");
        b.HasIndex(x => new { x.CommunityId, x.Status, x.Kind });
        b.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.ReviewedBy).WithMany().HasForeignKey(x => x.ReviewedById).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(x => x.CompoundBranch).WithMany().HasForeignKey(x => x.CompoundBranchId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(x => x.GridGroup).WithMany().HasForeignKey(x => x.GridGroupId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(x => x.WorkUnit).WithMany().HasForeignKey(x => x.WorkUnitId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(x => x.Compound).WithMany().HasForeignKey(x => x.CompoundId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Name).HasMaxLength(64);
        b.Property(x => x.Phone).HasMaxLength(20);
        b.Property(x => x.WorkUnitName).HasMaxLength(100);
        b.Property(x => x.PartyOrganisationName).HasMaxLength(100);
        b.Property(x => x.Services).HasMaxLength(500);
        b.Property(x => x.ReturnReason).HasMaxLength(500);
        b.Ignore(x => x.ServiceList);
        b.Ignore(x => x.IsActive);
    }
}

internal sealed class CheckInEventConfiguration : IEntityTypeConfiguration<CheckInEvent>
{
    public void Configure(EntityTypeBuilder<CheckInEvent> b)
    {
        b.HasIndex(x => new { x.CheckInId, x.At });
        b.HasOne(x => x.Actor).WithMany().HasForeignKey(x => x.ActorId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class WorkUnitConfiguration : IEntityTypeConfiguration<WorkUnit>
{
    public void Configure(EntityTypeBuilder<WorkUnit> b)
    {
        b.HasIndex(x => x.Name).IsUnique();
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.PartyOrganisationName).HasMaxLength(100);
        b.HasOne(x => x.RegisteredBy).WithMany().HasForeignKey(x => x.RegisteredById).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class UnitPairingConfiguration : IEntityTypeConfiguration<UnitPairing>
{
    public void Configure(EntityTypeBuilder<UnitPairing> b)
    {
        b.HasKey(x => new { x.WorkUnitId, x.CompoundId });
        b.HasOne(x => x.WorkUnit).WithMany(x => x.Pairings).HasForeignKey(x => x.WorkUnitId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class VolunteerServiceKindConfiguration : IEntityTypeConfiguration<VolunteerServiceKind>
{
    public void Configure(EntityTypeBuilder<VolunteerServiceKind> b) => b.HasIndex(x => x.Name).IsUnique();
}
