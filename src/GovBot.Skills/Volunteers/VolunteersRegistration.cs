using GovBot.Skills.Ai;
using GovBot.Skills.Conversation;
using GovBot.Skills.MyRequests;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GovBot.Skills.Volunteers;

public static class VolunteersRegistration
{
    /// <summary>Joining volunteer teams (我想当志愿者), the lead's or staff's decision from a card, and 我的申请.</summary>
    public static IHostApplicationBuilder AddGovBotVolunteers(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<VolunteerTeamService>();
        services.AddScoped<IMyRequestsSource, VolunteerJoinRequestsSource>();
        services.AddSkill<VolunteerJoinSkill>();
        services.AddSkill<VolunteerJoinReviewSkill>();
        services.AddAiPlugin<VolunteerPlugin>("volunteers");
        return builder;
    }
}
