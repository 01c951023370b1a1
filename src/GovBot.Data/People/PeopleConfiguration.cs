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

internal sealed class VolunteerTeamConfiguration : IEntityTypeConfiguration<VolunteerTeam>
{
    public void Configure(EntityTypeBuilder<VolunteerTeam> b) =>
        b.HasOne(x => x.Lead).WithMany().HasForeignKey(x => x.LeadPersonId).OnDelete(DeleteBehavior.SetNull);
}

internal sealed class VolunteerTeamMemberConfiguration : IEntityTypeConfiguration<VolunteerTeamMember>
{
    public void Configure(EntityTypeBuilder<VolunteerTeamMember> b)
    {
        b.HasKey(x => new { x.VolunteerTeamId, x.PersonId });
        b.Property(x => x.Services).HasMaxLength(500);
        b.Ignore(x => x.ServiceList);
    }
}

internal sealed class VolunteerJoinRequestConfiguration : IEntityTypeConfiguration<VolunteerJoinRequest>
{
    public void Configure(EntityTypeBuilder<VolunteerJoinRequest> b)
    {
        // At most one pending request (1 = Pending) per person and team: the store itself refuses a second.
        b.HasIndex(x => new { x.TeamId, x.PersonId }).IsUnique().HasFilter("\"Status\" = 1").HasDatabaseName("IX_VolunteerJoinRequests_Open");
        // The staff list and the lead's cards look up pending requests by status.
        b.HasIndex(x => new { x.Status, x.TeamId });
        b.HasOne(x => x.Team).WithMany().HasForeignKey(x => x.TeamId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.DecidedBy).WithMany().HasForeignKey(x => x.DecidedById).OnDelete(DeleteBehavior.SetNull);
        b.Property(x => x.Services).HasMaxLength(500);
        b.Property(x => x.DeclineReason).HasMaxLength(200);
        b.Ignore(x => x.ServiceList);
    }
}
