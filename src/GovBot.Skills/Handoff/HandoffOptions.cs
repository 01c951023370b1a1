using GovBot.Skills.Reminders;

namespace GovBot.Skills.Handoff;

/// <summary>Section "Handoff": when grid workers take residents' messages, and how long a repeat is held back.</summary>
public sealed class HandoffOptions
{
    public const string Section = "Handoff";

    /// <summary>Grid workers answer from this time of day, China time; before it the community office does.</summary>
    public TimeOnly GridHoursStart { get; set; } = new(8, 0);

    /// <summary>Grid workers answer until this time of day, China time (exclusive); a working day never spans midnight.</summary>
    public TimeOnly GridHoursEnd { get; set; } = new(18, 0);

    /// <summary>
    /// A resident who asks again within this long, while the last message is still unanswered, is told it was already
    /// passed on instead of sending the worker another card: people under stress repeat themselves, workers get flooded.
    /// </summary>
    public TimeSpan RepeatWindow { get; set; } = TimeSpan.FromMinutes(10);

    public bool IsGridHours(DateTimeOffset now)
    {
        var time = TimeOnly.FromDateTime(ChinaTime.ToLocal(now).DateTime);
        return time >= GridHoursStart && time < GridHoursEnd;
    }

    /// <summary>"8:00–18:00", as residents read it.</summary>
    public string GridHoursText => $"{GridHoursStart:H:mm}–{GridHoursEnd:H:mm}";
}
