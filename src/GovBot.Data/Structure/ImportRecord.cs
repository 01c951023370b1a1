using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovBot.Data.Structure;

/// <summary>Where a change to the county's structure or staff came from.</summary>
public enum ImportKind
{
    /// <summary>The structure workbook (.xlsx or CSV) uploaded on the staff pages.</summary>
    Workbook = 1,
    /// <summary>A sync with WeCom's address book (scheduled or asked for).</summary>
    Directory = 2,
}

/// <summary>
/// Who brought in what, and when: one row per applied import or sync, with its counts and a short summary in
/// Chinese. Kept for the county's audit; previews that were not applied leave no row.
/// </summary>
public class ImportRecord
{
    public long Id { get; set; }
    public ImportKind Kind { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>The staff member who applied it; null for a scheduled sync.</summary>
    public int? ActorId { get; set; }
    public string? ActorWeComUserId { get; set; }
    /// <summary>The uploaded file's name, or "企业微信通讯录".</summary>
    public required string Source { get; set; }
    /// <summary>SHA-256 of the file in hex; null for a sync.</summary>
    public string? Sha256 { get; set; }
    public int Added { get; set; }
    public int Changed { get; set; }
    public int Unchanged { get; set; }
    public int Removed { get; set; }
    public int Refused { get; set; }
    /// <summary>"社区 9 个（新增 9）；网格 950 个（新增 950）…", at most 2,000 characters.</summary>
    public string? Summary { get; set; }
}

internal sealed class ImportRecordConfiguration : IEntityTypeConfiguration<ImportRecord>
{
    public void Configure(EntityTypeBuilder<ImportRecord> b)
    {
        b.HasIndex(x => x.At);
        b.Property(x => x.ActorWeComUserId).HasMaxLength(64);
        b.Property(x => x.Source).HasMaxLength(260);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.Property(x => x.Summary).HasMaxLength(2000);
    }
}
