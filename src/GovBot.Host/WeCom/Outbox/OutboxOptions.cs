using System.ComponentModel.DataAnnotations;

namespace GovBot.Host.WeCom.Outbox;

/// <summary>How the dispatcher paces itself; bound from "WeCom:Outbox", every field optional.</summary>
public sealed class OutboxOptions
{
    public const string SectionName = "WeCom:Outbox";

    /// <summary>How often due rows are looked for when nobody signals; covers NotBefore and retries coming due.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00", ParseLimitsInInvariantCulture = true)]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Rows taken per pass; a full pass is followed by another at once.</summary>
    [Range(1, 10_000)]
    public int RowsPerPass { get; set; } = 100;

    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00", ParseLimitsInInvariantCulture = true)]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00", ParseLimitsInInvariantCulture = true)]
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long a row taken by one instance is left alone by the others. Renewed after every batch,
    /// so it must only outlast one API call; if the instance dies the row comes due again after it.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ParseLimitsInInvariantCulture = true)]
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>WeCom drops messages from one app to one member beyond 30 a minute…</summary>
    [Range(1, 1000)]
    public int MemberMessagesPerMinute { get; set; } = 30;

    /// <summary>…and beyond 1000 an hour.</summary>
    [Range(1, 100_000)]
    public int MemberMessagesPerHour { get; set; } = 1000;

    /// <summary>The corp's licensed account count (账号上限数): one app may send 200 times that many member-messages a day. 0: not enforced.</summary>
    [Range(0, 10_000_000)]
    public int AccountLimit { get; set; } = 1000;
}
