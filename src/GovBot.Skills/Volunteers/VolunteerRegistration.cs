using GovBot.Skills.Ai;
using GovBot.Skills.Conversation;
using GovBot.Skills.MyRequests;
using Microsoft.Extensions.DependencyInjection;

namespace GovBot.Skills.Volunteers;

public static class VolunteerRegistration
{
    /// <summary>Joining volunteer teams (我想当志愿者), the lead's or staff's decision from a card, and 我的申请.</summary>
    public static IServiceCollection AddVolunteerTeams(this IServiceCollection services)
    {
        services.AddScoped<VolunteerTeamService>();
        services.AddScoped<IMyRequestsSource, VolunteerJoinRequestsSource>();
        services.AddSkill<VolunteerJoinSkill>();
        services.AddSkill<VolunteerJoinReviewSkill>();
        services.AddAiPlugin<VolunteerPlugin>("volunteers");
        return services;
    }
}
