namespace GovBot.Skills.Reminders;

/// <summary>One kind of reminder: its key (job name, config key, URL segment), its Chinese name for staff, what runs and when.</summary>
public sealed record ReminderKind(string Key, string Name, Type Reminder, ReminderSchedule DefaultSchedule);

/// <summary>
/// A kind as its feature registered it (<see cref="RemindersRegistration.AddReminder{TReminder}(Microsoft.Extensions.DependencyInjection.IServiceCollection, string, string, ReminderSchedule)"/>).
/// Made when the scheduler starts, so that a schedule may come from the feature's options; a kind whose
/// <see cref="Create"/> gives null is not run by this host (e.g. the SQLite backup on PostgreSQL).
/// </summary>
public sealed record ReminderKindRegistration(string Key, Type Reminder, Func<IServiceProvider, ReminderKind?> Create);
