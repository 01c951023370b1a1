using GovBot.Data.Places;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovBot.Data.CustomerService;

/// <summary>
/// A community's or a grid's own link to the customer-service account (微信客服), made by WeCom's
/// <c>kf/add_contact_way</c> with a <see cref="Scene"/> that comes back in the <c>enter_session</c> event: a resident who
/// scans the printed QR code starts with that community (and grid) known. One link per community (<see cref="GridId"/>
/// null) and one per grid; printed codes must keep working, so a link is never remade once it exists.
/// </summary>
public class CustomerServiceLink
{
    /// <summary>WeCom takes at most 32 bytes of [0-9a-zA-Z_-] as a scene.</summary>
    public const int MaxScene = 32;
    public const int MaxUrl = 512;

    public int Id { get; set; }
    public int CommunityId { get; set; }
    public Community? Community { get; set; }
    public int? GridId { get; set; }
    public Grid? Grid { get; set; }
    /// <summary>The account the link opens; a link made for another account keeps working for that one.</summary>
    public required string OpenKfId { get; set; }
    /// <summary>"c" or "g" and random letters: not a row id, so nobody can guess another grid's scene from their own.</summary>
    public required string Scene { get; set; }
    public required string Url { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class CustomerServiceLinkConfiguration : IEntityTypeConfiguration<CustomerServiceLink>
{
    public void Configure(EntityTypeBuilder<CustomerServiceLink> b)
    {
        b.ToTable("CustomerServiceLinks");
        b.HasIndex(x => x.Scene).IsUnique();
        // One link per place and account: two staff pressing 生成 at once make one, the other is refused by the store.
        b.HasIndex(x => new { x.OpenKfId, x.CommunityId, x.GridId }).IsUnique();
        // A null GridId never equals another in a unique index: the community's own link needs an index of its own.
        b.HasIndex(x => new { x.OpenKfId, x.CommunityId }).IsUnique().HasFilter("\"GridId\" IS NULL")
            .HasDatabaseName("IX_CustomerServiceLinks_Community");
        b.Property(x => x.OpenKfId).HasMaxLength(ExternalUser.MaxId);
        b.Property(x => x.Scene).HasMaxLength(CustomerServiceLink.MaxScene);
        b.Property(x => x.Url).HasMaxLength(CustomerServiceLink.MaxUrl);
        b.HasOne(x => x.Community).WithMany().HasForeignKey(x => x.CommunityId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Grid).WithMany().HasForeignKey(x => x.GridId).OnDelete(DeleteBehavior.Cascade);
    }
}
