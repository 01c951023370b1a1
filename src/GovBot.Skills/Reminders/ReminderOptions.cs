namespace GovBot.Skills.Reminders;

/// <summary>Settings of the reminders, bound from "Reminders"; every field optional.</summary>
public sealed class ReminderOptions
{
    public const string SectionName = "Reminders";

    /// <summary>Quiet hours for every kind that has none of its own, China time.</summary>
    public TimeOnly QuietHoursStart { get; set; } = QuietHours.Default.Start;
    public TimeOnly QuietHoursEnd { get; set; } = QuietHours.Default.End;

    /// <summary>How long after a report is handled its reporter is asked, once, to rate it.</summary>
    public TimeSpan RatingRequestAfter { get; set; } = TimeSpan.FromDays(1);

    /// <summary>A volunteer task round unanswered this long, for a task starting within <see cref="TaskRepushWithin"/>, asks further volunteers.</summary>
    public TimeSpan TaskRoundSilence { get; set; } = TimeSpan.FromHours(4);
    public TimeSpan TaskRepushWithin { get; set; } = TimeSpan.FromDays(2);

    /// <summary>Per kind (its key, e.g. "patrol"): another schedule or other quiet hours.</summary>
    public Dictionary<string, ReminderKindOptions> Kinds { get; set; } = [];

    public QuietHours QuietHoursFor(string kind) =>
        Kinds.TryGetValue(kind, out var k) && k.QuietHoursStart is { } start && k.QuietHoursEnd is { } end
            ? new QuietHours(start, end)
            : new QuietHours(QuietHoursStart, QuietHoursEnd);
}

public sealed class ReminderKindOptions
{
    /// <summary>A Quartz cron expression in China time, replacing the kind's default, e.g. "0 0 8 * * ?".</summary>
    public string? Cron { get; set; }
    public TimeOnly? QuietHoursStart { get; set; }
    public TimeOnly? QuietHoursEnd { get; set; }
}
