using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GovBot.Skills.Reminders;

public static class RemindersRegistration
{
    /// <summary>
    /// What every reminder shares: its settings (quiet hours, per-kind schedules) and the pusher. Each feature adds its
    /// own kinds with <see cref="AddReminder{TReminder}(IServiceCollection, string, string, ReminderSchedule)"/>; the host's
    /// scheduler runs every kind registered.
    /// </summary>
    public static IHostApplicationBuilder AddGovBotReminders(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ReminderOptions>().Bind(builder.Configuration.GetSection(ReminderOptions.SectionName))
            .Validate(o => o.RatingRequestAfter > TimeSpan.Zero, "Reminders:RatingRequestAfter must be positive.")
            .Validate(o => o.TaskRoundSilence > TimeSpan.Zero && o.TaskRepushWithin > TimeSpan.Zero,
                "Reminders:TaskRoundSilence and TaskRepushWithin must be positive.")
            .ValidateOnStart();
        services.AddScoped<ReminderPusher>();
        return builder;
    }

    /// <summary>
    /// A reminder kind of a feature: <typeparamref name="TReminder"/> registered scoped (each firing runs in its own
    /// scope) and scheduled by the host as <paramref name="key"/> (job name, "Reminders:Kinds:{key}" settings, URL
    /// segment), shown to staff as <paramref name="name"/>. Two kinds with one key stop the host at start.
    /// </summary>
    public static IServiceCollection AddReminder<TReminder>(this IServiceCollection services, string key, string name, ReminderSchedule schedule)
        where TReminder : class, IReminder =>
        services.AddReminder<TReminder>(key, name, _ => schedule);

    /// <summary>As above, with the schedule read when the scheduler starts (from options); null: not run by this host.</summary>
    public static IServiceCollection AddReminder<TReminder>(this IServiceCollection services, string key, string name, Func<IServiceProvider, ReminderSchedule?> schedule)
        where TReminder : class, IReminder
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        services.AddScoped<TReminder>();
        services.AddSingleton(new ReminderKindRegistration(key, typeof(TReminder),
            sp => schedule(sp) is { } s ? new ReminderKind(key, name, typeof(TReminder), s) : null));
        return services;
    }
}
