using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovBot.Data.Operations;

/// <summary>
/// A figure that lives only in process memory (reminder runs by kind and outcome), written down every few minutes as
/// the change since the last sample, so that the 「系统」 page can chart it over 30 days and across restarts; and the
/// inbox and outbox backlog as levels (<c>backlog.*</c>), so that the page can tell a backlog that keeps growing.
/// </summary>
public class SystemSample
{
    public long Id { get; set; }

    /// <summary>The end of the period the value counts.</summary>
    public DateTimeOffset At { get; set; }

    /// <summary>What was counted, e.g. <c>reminder.fired</c>.</summary>
    public required string Name { get; set; }

    /// <summary>Which one, e.g. the reminder kind's key; empty when the figure has no parts.</summary>
    public required string Tag { get; set; }

    public long Value { get; set; }

    /// <summary>The machine that counted it: each instance samples its own process.</summary>
    public required string Host { get; set; }
}

internal sealed class SystemSampleConfiguration : IEntityTypeConfiguration<SystemSample>
{
    public void Configure(EntityTypeBuilder<SystemSample> b)
    {
        b.ToTable("SystemSamples");
        b.HasIndex(x => new { x.Name, x.At });
        b.Property(x => x.Name).HasMaxLength(64);
        b.Property(x => x.Tag).HasMaxLength(64);
        b.Property(x => x.Host).HasMaxLength(128);
    }
}
