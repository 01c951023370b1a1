using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovBot.Data.People;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> b)
    {
        b.HasIndex(x => x.WeComUserId).IsUnique();
        b.Property(x => x.WeComUserId).HasMaxLength(64);
        b.Property(x => x.Name).HasMaxLength(64);
        b.Property(x => x.Phone).HasMaxLength(20);
    }
}

internal sealed class PartyOrganisationConfiguration : IEntityTypeConfiguration<PartyOrganisation>
{
    public void Configure(EntityTypeBuilder<PartyOrganisation> b)
    {
        b.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Secretary).WithMany().HasForeignKey(x => x.SecretaryPersonId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class VolunteerTeamMemberConfiguration : IEntityTypeConfiguration<VolunteerTeamMember>
{
    public void Configure(EntityTypeBuilder<VolunteerTeamMember> b) => b.HasKey(x => new { x.VolunteerTeamId, x.PersonId });
}
