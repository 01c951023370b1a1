using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovBot.Data.Services;

internal sealed class ServiceEventConfiguration : IEntityTypeConfiguration<ServiceEvent>
{
    public void Configure(EntityTypeBuilder<ServiceEvent> b)
    {
        b.HasOne(e => e.OrganiserTeam).WithMany().HasForeignKey(e => e.OrganiserTeamId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(e => e.Items).WithOne(i => i.Event).HasForeignKey(i => i.EventId);
        b.HasIndex(e => e.Date);
    }
}

internal sealed class ServiceItemConfiguration : IEntityTypeConfiguration<ServiceItem>
{
    public void Configure(EntityTypeBuilder<ServiceItem> b) =>
        b.HasMany(i => i.Slots).WithOne(s => s.Item).HasForeignKey(s => s.ItemId);
}

internal sealed class ServiceSlotConfiguration : IEntityTypeConfiguration<ServiceSlot>
{
    public void Configure(EntityTypeBuilder<ServiceSlot> b)
    {
        b.HasIndex(s => s.StartsAt);
        b.ToTable(t => t.HasCheckConstraint("CK_ServiceSlots_Booked", "Booked >= 0 AND Booked <= Capacity"));
    }
}

internal sealed class BookingConfiguration : IEntityTypeConfiguration<Booking>
{
    public void Configure(EntityTypeBuilder<Booking> b)
    {
        b.HasIndex(x => x.Code).IsUnique();
        b.HasIndex(x => new { x.SlotId, x.Status, x.CreatedAt });
        b.HasIndex(x => new { x.PersonId, x.Status });
    }
}

internal sealed class VolunteerTaskConfiguration : IEntityTypeConfiguration<VolunteerTask>
{
    public void Configure(EntityTypeBuilder<VolunteerTask> b)
    {
        b.HasOne(t => t.Organiser).WithMany().HasForeignKey(t => t.OrganiserId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(t => t.Offers).WithOne(o => o.Task).HasForeignKey(o => o.TaskId);
        b.ToTable(t => t.HasCheckConstraint("CK_VolunteerTasks_Accepted", "Accepted >= 0 AND Accepted <= Needed"));
    }
}

internal sealed class TaskOfferConfiguration : IEntityTypeConfiguration<TaskOffer>
{
    public void Configure(EntityTypeBuilder<TaskOffer> b) => b.HasIndex(o => new { o.TaskId, o.PersonId }).IsUnique();
}

internal sealed class VolunteerHoursConfiguration : IEntityTypeConfiguration<VolunteerHours>
{
    public void Configure(EntityTypeBuilder<VolunteerHours> b) => b.HasIndex(h => new { h.SourceKind, h.SourceId, h.PersonId }).IsUnique();
}
