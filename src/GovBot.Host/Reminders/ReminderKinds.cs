using GovBot.Skills.Reminders;

namespace GovBot.Host.Reminders;

/// <summary>
/// Every reminder kind this host runs: those the features registered beside themselves with
/// <see cref="RemindersRegistration.AddReminder{TReminder}(IServiceCollection, string, string, ReminderSchedule)"/>,
/// in the order they were registered (the staff page's order). There is no central list to edit.
/// </summary>
public sealed class ReminderKinds
{
    private readonly List<ReminderKind> _kinds = [];

    public ReminderKinds(IEnumerable<ReminderKindRegistration> registrations, IServiceProvider services)
    {
        var seen = new Dictionary<string, Type>(StringComparer.Ordinal);
        foreach (var registration in registrations)
        {
            // Keys name Quartz jobs, settings and URLs: two kinds under one key would silently share (or lose) a schedule.
            if (!seen.TryAdd(registration.Key, registration.Reminder))
                throw new InvalidOperationException(
                    $"Reminder kind '{registration.Key}' is registered twice, by {seen[registration.Key].FullName} and {registration.Reminder.FullName}; " +
                    "give each AddReminder its own key (keys name the Quartz job, Reminders:Kinds:<key> and the staff page's URL).");
            if (registration.Create(services) is { } kind) _kinds.Add(kind);
        }
    }

    public IReadOnlyList<ReminderKind> All => _kinds;

    public ReminderKind? Find(string key) => _kinds.FirstOrDefault(k => k.Key == key);
}
