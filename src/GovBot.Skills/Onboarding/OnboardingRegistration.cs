using GovBot.Skills.Conversation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GovBot.Skills.Onboarding;

public static class OnboardingRegistration
{
    /// <summary>The first chat with someone new: which community, compound and building they live in.</summary>
    public static IHostApplicationBuilder AddGovBotOnboarding(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSkill<OnboardingSkill>();
        return builder;
    }
}
