using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovBot.Data.Teaching;

/// <summary>Where a missed message stands in the review list 「待学习」.</summary>
public enum MissedStatus
{
    /// <summary>Waiting for staff to say what it meant.</summary>
    Open = 0,
    /// <summary>Staff gave it an intent; a <see cref="LearnedPhrase"/> holds the label.</summary>
    Labelled = 1,
    /// <summary>Small talk or nonsense: nothing to learn.</summary>
    Dismissed = 2,
}

/// <summary>
/// A resident's message the bot did not understand (it answered with its fallback), kept for staff to label. The text
/// is masked (phone and ID card numbers) before it is stored, the row names no person, and the retention sweep drops
/// it after Retention:MissedMessages. Labelled and dismissed rows stay until then: they are what the weekly
/// "how many of that week's misses the bot understands now" is counted from.
/// </summary>
public class MissedMessage
{
    /// <summary>Longer messages are kept cut to this many characters.</summary>
    public const int MaxText = 500;

    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>The sender's community when known, so that only that community's staff see it.</summary>
    public int? CommunityId { get; set; }
    public required string Text { get; set; }
    /// <summary>What the router thought (an intent name of <c>Intents</c>) and how sure it was.</summary>
    public required string Intent { get; set; }
    public double Confidence { get; set; }
    public MissedStatus Status { get; set; }
}

internal sealed class MissedMessageConfiguration : IEntityTypeConfiguration<MissedMessage>
{
    public void Configure(EntityTypeBuilder<MissedMessage> b)
    {
        b.ToTable("MissedMessages");
        b.HasIndex(x => x.At);
        b.HasIndex(x => new { x.Status, x.CommunityId });
        b.Property(x => x.Text).HasMaxLength(MissedMessage.MaxText);
        b.Property(x => x.Intent).HasMaxLength(32);
    }
}
