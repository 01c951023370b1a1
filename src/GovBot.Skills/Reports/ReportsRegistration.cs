using GovBot.Skills.Ai;
using GovBot.Skills.Conversation;
using GovBot.Skills.MyRequests;
using GovBot.Skills.Reminders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace GovBot.Skills.Reports;

public static class ReportsRegistration
{
    /// <summary>
    /// Problem reports: the resident's and the worker's skills, routing, categories and deadlines, and their reminders
    /// (the deadline sweep, the rating request, the joint meetings' agendas).
    /// </summary>
    public static IHostApplicationBuilder AddGovBotReports(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ReportOptions>().Bind(builder.Configuration.GetSection("Reports"))
            .Validate(o => o.RatingPeriod > TimeSpan.Zero && o.DuplicateWindow > TimeSpan.Zero && o.DeadlineSweepInterval > TimeSpan.Zero, "Reports: periods must be positive.")
            .Validate(o => o.TicketPrefix is { Length: 1 } p && char.IsAsciiLetterUpper(p[0]), "Reports:TicketPrefix must be one capital letter.")
            .Validate(o => o.LocationRadiusMeters is >= 10 and <= 5000, "Reports:LocationRadiusMeters must be between 10 and 5000 (metres).")
            .ValidateOnStart();
        services.AddHostedService<ReportCategorySeeder>();
        services.AddScoped<ReportRouting>();
        services.AddScoped<ReportService>();
        services.AddScoped<ReportDeadlines>();
        services.AddScoped<GridPatrol>();
        services.AddScoped<IMyRequestsSource, ReportRequestsSource>();
        services.AddSkill<ReportSkill>();
        services.AddAiPlugin<ReportPlugin>("reports");
        services.AddSkill<CaseworkSkill>();
        services.AddReminder<ReportEscalationReminder>(ReportEscalationReminder.Kind, "说事超时督办",
            sp => new ReminderSchedule.Every(sp.GetRequiredService<IOptions<ReportOptions>>().Value.DeadlineSweepInterval));
        services.AddReminder<RatingRequestReminder>(RatingRequestReminder.Kind, "办结评价提醒", new ReminderSchedule.Cron("0 0/10 * * * ?", FireLate: true));
        services.AddReminder<CommunityJointMeetingReminder>(CommunityJointMeetingReminder.KindKey, "社区联席会议", new ReminderSchedule.Cron("0 0 9 1 1/2 ?", FireLate: true));
        services.AddReminder<CountyJointMeetingReminder>(CountyJointMeetingReminder.KindKey, "县级联席会议", new ReminderSchedule.Cron("0 0 9 1 1/3 ?", FireLate: true));
        return builder;
    }
}
