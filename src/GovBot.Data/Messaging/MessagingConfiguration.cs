using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovBot.Data.Messaging;

internal sealed class InboxMessageConfiguration : IEntityTypeConfiguration<InboxMessage>
{
    public void Configure(EntityTypeBuilder<InboxMessage> b)
    {
        b.HasIndex(x => x.DedupKey).IsUnique();
        b.HasIndex(x => new { x.Status, x.UserId, x.Id });
        b.Property(x => x.DedupKey).HasMaxLength(160);
        b.Property(x => x.UserId).HasMaxLength(64);
        b.Property(x => x.MsgType).HasMaxLength(32);
        // A turn marks its row done only while it is still pending: a turn that outlived its lease while another host
        // completed the row fails its save and rolls back whole (its reply too) instead of answering twice.
        b.Property(x => x.Status).IsConcurrencyToken();
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        // The outbox pass asks for fresh rows (no NextAttemptAt) and retries come due as two seeks on this index, so
        // rows held for later (a member over WeCom's send limit, a backoff) are never read again until they are due.
        b.HasIndex(x => new { x.Status, x.NextAttemptAt, x.NotBefore });
        b.HasIndex(x => x.SourceKey).IsUnique().HasFilter("SourceKey IS NOT NULL");
        b.Property(x => x.SourceKey).HasMaxLength(200);
    }
}

internal sealed class GroupChatConfiguration : IEntityTypeConfiguration<GroupChat>
{
    public void Configure(EntityTypeBuilder<GroupChat> b)
    {
        b.HasIndex(x => x.ChatId).IsUnique();
        // One group chat per grid: the announcement goes to the grid's chat, never to a choice of several.
        b.HasIndex(x => x.GridId).IsUnique();
    }
}
