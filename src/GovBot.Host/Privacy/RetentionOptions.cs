namespace GovBot.Host.Privacy;

/// <summary>How long residents' own words and pictures are kept once nothing needs them; section "Retention".</summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Retention";

    /// <summary>
    /// Decrypted message XML and passive replies of handled inbox rows. The dedup key and status stay for good, since
    /// WeCom redelivers within seconds and the row is all that says "already handled".
    /// </summary>
    public TimeSpan InboxPayloads { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Photos of reports closed (rated or rejected) this long ago.</summary>
    public TimeSpan ClosedReportPhotos { get; set; } = TimeSpan.FromDays(180);

    /// <summary>Messages the bot did not understand, kept (masked) for staff to label in 「待学习」.</summary>
    public TimeSpan MissedMessages { get; set; } = TimeSpan.FromDays(90);
}
