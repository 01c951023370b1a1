using GovBot.Skills.Conversation;
using GovBot.Skills.Visits;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GovBot.Skills.Reminders;

public static class ReminderRegistration
{
    /// <summary>The reminder kinds' decisions (who gets what, when) and the quiet hours; the host schedules them.</summary>
    public static IHostApplicationBuilder AddGovBotReminders(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ReminderOptions>().Bind(builder.Configuration.GetSection(ReminderOptions.SectionName))
            .Validate(o => o.RatingRequestAfter > TimeSpan.Zero, "Reminders:RatingRequestAfter must be positive.")
            .Validate(o => o.TaskRoundSilence > TimeSpan.Zero && o.TaskRepushWithin > TimeSpan.Zero,
                "Reminders:TaskRoundSilence and TaskRepushWithin must be positive.")
            .ValidateOnStart();
        services.AddScoped<ReminderPusher>();
        services.AddScoped<PatrolReminder>();
        services.AddScoped<RatingRequestReminder>();
        services.AddScoped<WeeklyVisitReminder>();
        services.AddScoped<CommunityJointMeetingReminder>();
        services.AddScoped<CountyJointMeetingReminder>();
        services.AddScoped<ReportEscalationReminder>();
        services.AddScoped<BookingReminder>();
        services.AddScoped<VolunteerTaskReminder>();
        services.AddScoped<StaleWishReminder>();
        // 周走访 is recorded in the chat and read back by the weekly reminder.
        services.AddSkill<VisitSkill>();
        return builder;
    }
}
