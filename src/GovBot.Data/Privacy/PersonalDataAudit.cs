using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovBot.Data.Privacy;

/// <summary>What was done with a person's data on their request (PIPL: access and deletion).</summary>
public enum PersonalDataAction
{
    Export = 1,
    Erase = 2,
}

/// <summary>
/// One export or erasure: who asked for it, when, and whose data. Kept without the subject's name, since after an
/// erasure the row must not bring back what was removed; the person id still names the (now anonymous) row.
/// </summary>
public class PersonalDataAudit
{
    public long Id { get; set; }
    public PersonalDataAction Action { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>The staff member who did it.</summary>
    public int ActorId { get; set; }
    public required string ActorWeComUserId { get; set; }
    public int SubjectPersonId { get; set; }
    /// <summary>What changed, in counts only: "报事 2 条已去标识".</summary>
    public string? Summary { get; set; }
}

internal sealed class PersonalDataAuditConfiguration : IEntityTypeConfiguration<PersonalDataAudit>
{
    public void Configure(EntityTypeBuilder<PersonalDataAudit> b)
    {
        b.ToTable("PersonalDataAudit");
        b.HasIndex(x => x.SubjectPersonId);
        b.Property(x => x.ActorWeComUserId).HasMaxLength(64);
        b.Property(x => x.Summary).HasMaxLength(400);
    }
}
