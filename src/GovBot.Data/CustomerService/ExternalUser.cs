using GovBot.Data.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovBot.Data.CustomerService;

/// <summary>
/// The state of a resident's session with the customer-service account, as WeCom's <c>service_state</c> numbers it.
/// Only <see cref="Assistant"/> (and <see cref="New"/>) let the bot answer; a servicer's session is theirs.
/// </summary>
public enum CustomerServiceState
{
    New = 0,
    Assistant = 1,
    Queued = 2,
    Servicer = 3,
    Ended = 4,
}

/// <summary>
/// A WeChat user (微信客户) who writes to a customer-service account (微信客服). WeCom names them by
/// <c>external_userid</c>, never by a corp user id, and lets the app answer at most five messages within 48 hours of
/// their last message: <see cref="LastInboundAt"/> and <see cref="SentSinceInbound"/> are that window, kept in the store
/// so that every host spends the same quota. Turns run as <see cref="Person"/>: a person of their own, or the corp member
/// the resident was linked to.
/// </summary>
public class ExternalUser
{
    public const int MaxId = 64;

    /// <summary>
    /// Marks the turn identity (<c>Person.WeComUserId</c>, inbox <c>UserId</c>, outbox recipient) of a WeChat user:
    /// a corp user id cannot hold a colon, so "kf:" + external_userid never names a corp member.
    /// </summary>
    public const string IdentityPrefix = "kf:";

    public static string IdentityOf(string externalUserId) => IdentityPrefix + externalUserId;

    public static bool IsIdentity(string userId) => userId.StartsWith(IdentityPrefix, StringComparison.Ordinal);

    public static string ExternalIdOf(string identity) =>
        IsIdentity(identity) ? identity[IdentityPrefix.Length..] : throw new ArgumentException("Not a WeChat user's identity.", nameof(identity));

    public int Id { get; set; }
    public required string ExternalUserId { get; set; }
    /// <summary>The customer-service account they last wrote to: answers go out through it.</summary>
    public required string OpenKfId { get; set; }
    public int? PersonId { get; set; }
    public Person? Person { get; set; }
    /// <summary>The scene of the link or QR code they came through (a community's or a grid's), if any.</summary>
    public string? EntryScene { get; set; }
    /// <summary>When they last wrote: opens WeCom's 48-hour window for answers.</summary>
    public DateTimeOffset? LastInboundAt { get; set; }
    /// <summary>Messages sent to them since <see cref="LastInboundAt"/>; WeCom allows five.</summary>
    public int SentSinceInbound { get; set; }
    public CustomerServiceState SessionState { get; set; }
    /// <summary>The corp user id of the servicer who has the session, while <see cref="SessionState"/> is Servicer.</summary>
    public string? ServicerUserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class ExternalUserConfiguration : IEntityTypeConfiguration<ExternalUser>
{
    public void Configure(EntityTypeBuilder<ExternalUser> b)
    {
        b.ToTable("ExternalUsers");
        b.HasIndex(x => x.ExternalUserId).IsUnique();
        b.HasIndex(x => x.PersonId);
        b.Property(x => x.ExternalUserId).HasMaxLength(ExternalUser.MaxId);
        b.Property(x => x.OpenKfId).HasMaxLength(ExternalUser.MaxId);
        b.Property(x => x.EntryScene).HasMaxLength(32);
        b.Property(x => x.ServicerUserId).HasMaxLength(ExternalUser.MaxId);
        b.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.SetNull);
    }
}
