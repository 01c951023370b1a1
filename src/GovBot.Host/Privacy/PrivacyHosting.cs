using GovBot.Skills.Reminders;

namespace GovBot.Host.Privacy;

public static class PrivacyHosting
{
    /// <summary>
    /// Residents' personal data: the retention sweep (scheduled with the reminders as kind "retention", nightly at 03:15; Reminders:Kinds:retention:Cron moves it) and its options, checked at start.
    /// The staff endpoints for export and erasure are mapped by <see cref="Staff.PersonalDataApi"/>.
    /// </summary>
    public static IHostApplicationBuilder AddPrivacyHosting(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RetentionOptions>().Bind(builder.Configuration.GetSection(RetentionOptions.SectionName))
            .Validate(o => o.InboxPayloads >= TimeSpan.FromDays(1) && o.ClosedReportPhotos >= TimeSpan.FromDays(1),
                "Retention:InboxPayloads and ClosedReportPhotos must be at least one day (redeliveries and rating need the rows).")
            .Validate(o => o.MissedMessages >= TimeSpan.FromDays(1), "Retention:MissedMessages must be at least one day (staff need time to label them).")
            .ValidateOnStart();
        // Pushes nothing: drops expired message payloads and photos at night, when nobody chats; a missed night runs late.
        builder.Services.AddReminder<RetentionSweep>(RetentionSweep.Kind, "个人信息到期清理", new ReminderSchedule.Cron("0 15 3 * * ?", FireLate: true));
        return builder;
    }
}
