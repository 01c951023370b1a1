using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovBot.Data.CustomerService;

/// <summary>
/// Where the pull of one customer-service account stands (WeCom's <c>sync_msg</c> cursor) and which host is pulling
/// it now. The cursor moves in the same transaction that stores the pulled messages in the inbox, so a crash mid-pull
/// pulls the same messages again and the inbox's dedup keys drop the repeats. The claim lets one host pull an account
/// at a time on SQLite and PostgreSQL alike; a host that died lets it lapse at <see cref="ClaimedUntil"/>.
/// </summary>
public class CustomerServiceCursor
{
    public required string OpenKfId { get; set; }
    /// <summary>WeCom's <c>next_cursor</c>; null before the first pull (WeCom then starts three days back).</summary>
    public string? Cursor { get; set; }
    public string? ClaimedBy { get; set; }
    public DateTimeOffset? ClaimedUntil { get; set; }
    /// <summary>When a callback last asked for a pull: a puller that started before it pulls once more.</summary>
    public DateTimeOffset? RequestedAt { get; set; }
    /// <summary>The newest callback's token, which lifts sync_msg's strict limit for ten minutes.</summary>
    public string? Token { get; set; }
    public DateTimeOffset? TokenExpiresAt { get; set; }
    public DateTimeOffset? PulledAt { get; set; }
}

internal sealed class CustomerServiceCursorConfiguration : IEntityTypeConfiguration<CustomerServiceCursor>
{
    public void Configure(EntityTypeBuilder<CustomerServiceCursor> b)
    {
        b.ToTable("CustomerServiceCursors");
        b.HasKey(x => x.OpenKfId);
        b.Property(x => x.OpenKfId).HasMaxLength(ExternalUser.MaxId);
        b.Property(x => x.Cursor).HasMaxLength(256);
        b.Property(x => x.ClaimedBy).HasMaxLength(128);
        b.Property(x => x.Token).HasMaxLength(256);
    }
}
