namespace GovBot.Skills.Reminders;

/// <summary>
/// When a kind fires, and what happens to a firing missed while no host was running. Plain data: the host turns it into
/// a Quartz trigger, and checks a configured cron expression with Quartz at start.
/// </summary>
public abstract record ReminderSchedule
{
    /// <summary>A Quartz cron expression in China time. <paramref name="FireLate"/>: a missed firing runs once on start; otherwise it is skipped.</summary>
    public sealed record Cron(string Expression, bool FireLate) : ReminderSchedule;

    /// <summary>A sweep at a fixed interval; a missed one runs at once, since it only catches up.</summary>
    public sealed record Every(TimeSpan Interval) : ReminderSchedule;

    /// <summary>Stored as the trigger's description, so that a changed schedule is noticed on start.</summary>
    public string Signature => this switch
    {
        Cron c => $"cron {c.Expression} {(c.FireLate ? "late" : "skip")}",
        Every e => $"every {e.Interval}",
        _ => GetType().Name,
    };
}
