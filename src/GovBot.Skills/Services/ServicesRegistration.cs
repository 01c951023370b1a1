using GovBot.Skills.Conversation;
using GovBot.Skills.MyRequests;
using GovBot.Skills.Reminders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GovBot.Skills.Services;

public static class ServicesRegistration
{
    /// <summary>
    /// Volunteer services: residents book slots (预约理发, 取消我的预约, 我的预约) and hear about them before, volunteers
    /// take tasks with a tap and are asked again when a round goes unanswered. Joining a team is <c>AddGovBotVolunteers</c>.
    /// </summary>
    public static IHostApplicationBuilder AddGovBotServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<BookingService>();
        services.AddScoped<VolunteerTaskService>();
        services.AddScoped<ServiceCatalog>();
        services.AddScoped<ServicePlans>();
        services.AddScoped<IMyRequestsSource, BookingRequestsSource>();
        services.AddSkill<ServiceSkill>();
        services.AddSkill<VolunteerTaskSkill>();
        // Each reminder decides for itself whether it is still useful; a late run only sends what still is.
        services.AddReminder<BookingReminder>(BookingReminder.Kind, "预约提醒", new ReminderSchedule.Cron("0 0/5 * * * ?", FireLate: true));
        services.AddReminder<VolunteerTaskReminder>(VolunteerTaskReminder.Kind, "志愿任务补推与提醒", new ReminderSchedule.Cron("0 0/10 * * * ?", FireLate: true));
        return builder;
    }
}
