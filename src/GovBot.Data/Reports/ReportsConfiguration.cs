using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovBot.Data.Reports;

internal sealed class ReportConfiguration : IEntityTypeConfiguration<Report>
{
    public void Configure(EntityTypeBuilder<Report> b)
    {
        b.HasIndex(x => x.Ticket).IsUnique();
        b.Property(x => x.Ticket).HasMaxLength(12);
        b.HasIndex(x => new { x.Status, x.CategoryId, x.BuildingId, x.CreatedAt });
        b.HasIndex(x => new { x.ReporterId, x.CreatedAt });
        b.HasIndex(x => new { x.GridId, x.Status });
        b.HasOne(x => x.Reporter).WithMany().HasForeignKey(x => x.ReporterId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(x => x.Assignee).WithMany().HasForeignKey(x => x.AssigneeId).OnDelete(DeleteBehavior.SetNull);
        b.Property(x => x.Description).HasMaxLength(ReportLimits.MaxDescription);
        b.Property(x => x.MediaUrl).HasMaxLength(1000);
        b.Property(x => x.ReporterContact).HasMaxLength(210);
    }
}

internal sealed class ReportCategoryConfiguration : IEntityTypeConfiguration<ReportCategory>
{
    public void Configure(EntityTypeBuilder<ReportCategory> b) => b.HasIndex(x => x.Name).IsUnique();
}

internal sealed class ReportFollowerConfiguration : IEntityTypeConfiguration<ReportFollower>
{
    public void Configure(EntityTypeBuilder<ReportFollower> b) => b.HasKey(x => new { x.ReportId, x.PersonId });
}

internal sealed class ReportEventConfiguration : IEntityTypeConfiguration<ReportEvent>
{
    public void Configure(EntityTypeBuilder<ReportEvent> b) => b.HasIndex(x => new { x.ReportId, x.At });
}

internal sealed class ReportPhotoConfiguration : IEntityTypeConfiguration<ReportPhoto>
{
    public void Configure(EntityTypeBuilder<ReportPhoto> b)
    {
        b.HasIndex(x => new { x.FetchedAt, x.FetchAttempts });
        b.Property(x => x.FileName).HasMaxLength(200);
    }
}

internal sealed class Open311ClientConfiguration : IEntityTypeConfiguration<Open311Client>
{
    public void Configure(EntityTypeBuilder<Open311Client> b) => b.HasIndex(x => x.ApiKeyHash).IsUnique();
}
