using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovBot.Data.Teaching;

/// <summary>
/// A phrase staff taught the bot from the review list: the masked text, what it means (intent, and for a report its
/// category), who said so and when. Read at start and after every label to extend the phrase set and retrain the
/// classifier without a release. Names no resident; <see cref="Key"/> is the text normalised for exact matching.
/// </summary>
public class LearnedPhrase
{
    public int Id { get; set; }
    public required string Text { get; set; }
    /// <summary>The text trimmed, lower-cased, without punctuation or whitespace: unique.</summary>
    public required string Key { get; set; }
    public required string Intent { get; set; }
    public string? Category { get; set; }
    public int LabelledById { get; set; }
    public DateTimeOffset LabelledAt { get; set; }
}

internal sealed class LearnedPhraseConfiguration : IEntityTypeConfiguration<LearnedPhrase>
{
    public void Configure(EntityTypeBuilder<LearnedPhrase> b)
    {
        b.ToTable("LearnedPhrases");
        b.HasIndex(x => x.Key).IsUnique();
        b.Property(x => x.Text).HasMaxLength(MissedMessage.MaxText);
        b.Property(x => x.Key).HasMaxLength(MissedMessage.MaxText);
        b.Property(x => x.Intent).HasMaxLength(32);
        b.Property(x => x.Category).HasMaxLength(64);
    }
}
