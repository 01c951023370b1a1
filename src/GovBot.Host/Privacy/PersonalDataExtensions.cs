namespace GovBot.Host.Privacy;

public static class PersonalDataExtensions
{
    /// <summary>
    /// Residents' personal data: the retention sweep (scheduled with the reminders as kind "retention", nightly at 03:15; Reminders:Kinds:retention:Cron moves it) and its options, checked at start.
    /// The staff endpoints for export and erasure are mapped by <see cref="Staff.PersonalDataApi"/>.
    /// </summary>
    public static IHostApplicationBuilder AddPersonalData(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RetentionOptions>().Bind(builder.Configuration.GetSection(RetentionOptions.SectionName))
            .Validate(o => o.InboxPayloads >= TimeSpan.FromDays(1) && o.ClosedReportPhotos >= TimeSpan.FromDays(1),
                "Retention:InboxPayloads and ClosedReportPhotos must be at least one day (redeliveries and rating need the rows).")
            .ValidateOnStart();
        builder.Services.AddScoped<RetentionSweep>();
        return builder;
    }
}
