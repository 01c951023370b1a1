using GovBot.Skills.Ai;
using GovBot.Skills.Conversation;
using GovBot.Skills.MyRequests;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GovBot.Skills.CheckIns;

public static class CheckInsRegistration
{
    /// <summary>双报到: the member's dialog, staff review, work units and pairings, 我的报到 and the roster CSV.</summary>
    public static IHostApplicationBuilder AddGovBotCheckIns(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddHostedService<VolunteerServiceSeeder>();
        services.AddScoped<WorkUnitDirectory>();
        services.AddScoped<CheckInService>();
        services.AddScoped<CheckInRoster>();
        services.AddScoped<IMyRequestsSource, CheckInRequestsSource>();
        services.AddSkill<CheckInSkill>();
        services.AddAiPlugin<CheckInPlugin>("checkins");
        services.AddSkill<CheckInReviewSkill>();
        services.AddSkill<WorkUnitSkill>();
        return builder;
    }
}
