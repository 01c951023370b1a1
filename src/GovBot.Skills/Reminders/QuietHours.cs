namespace GovBot.Skills.Reminders;

/// <summary>A nightly window, China time, in which non-urgent pushes wait; Start after End means it spans midnight.</summary>
public sealed record QuietHours(TimeOnly Start, TimeOnly End)
{
    public static QuietHours Default { get; } = new(new TimeOnly(21, 0), new TimeOnly(7, 0));

    /// <summary>When a push made at <paramref name="now"/> may go out: the end of the window if inside it, else null (at once).</summary>
    public DateTimeOffset? NotBefore(DateTimeOffset now)
    {
        if (Start == End) return null;
        var local = ChinaTime.ToLocal(now);
        var time = TimeOnly.FromDateTime(local.DateTime);
        var today = DateOnly.FromDateTime(local.DateTime);
        if (Start < End)
            return time >= Start && time < End ? ChinaTime.At(today, End) : null;
        if (time >= Start) return ChinaTime.At(today.AddDays(1), End);
        if (time < End) return ChinaTime.At(today, End);
        return null;
    }
}
