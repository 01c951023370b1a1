using GovBot.Skills.Conversation;
using GovBot.Skills.MyRequests;
using GovBot.Skills.Volunteers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GovBot.Skills.Services;

public static class ServicesRegistration
{
    /// <summary>
    /// Volunteer services: residents book slots (预约理发, 取消我的预约, 我的预约), volunteers take tasks with a tap, and
    /// residents join volunteer teams (我想当志愿者) with the lead's approval.
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
        services.AddVolunteerTeams();
        return builder;
    }
}
