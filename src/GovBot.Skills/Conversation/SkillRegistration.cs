using GovBot.Skills.Ai;
using GovBot.Skills.GridContact;
using GovBot.Skills.Help;
using GovBot.Skills.MyRequests;
using GovBot.Skills.Onboarding;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace GovBot.Skills.Conversation;

public static class SkillRegistration
{
    /// <summary>The engine, its built-in skills (help, onboarding) and its options. Skills add themselves with <see cref="AddSkill{TSkill}"/>.</summary>
    public static IHostApplicationBuilder AddGovBotConversation(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DialogOptions>().Bind(builder.Configuration.GetSection("Conversation:Dialog"))
            .Validate(o => o.IdleExpiry > TimeSpan.Zero, "Conversation:Dialog:IdleExpiry must be positive.").ValidateOnStart();
        services.AddOptions<RateLimitOptions>().Bind(builder.Configuration.GetSection("Conversation:RateLimit"))
            .Validate(o => o.MessagesPerMinute > 0, "Conversation:RateLimit:MessagesPerMinute must be positive.")
            .Validate(o => o.Window > TimeSpan.Zero, "Conversation:RateLimit:Window must be positive.").ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DialogStore>();
        services.AddSingleton<TurnRateLimiter>();
        services.AddSingleton<TurnPrechecker>();
        services.AddSingleton<SkillCatalog>();
        services.AddScoped<UserDirectory>();
        services.AddScoped<SkillRegistry>();
        services.AddScoped<ConversationEngine>();

        services.AddSkill<HelpSkill>();
        services.AddSkill<OnboardingSkill>();
        services.AddSkill<MyRequestsSkill>();
        services.AddScoped<PlaceContacts>();
        services.AddSkill<GridContactSkill>();
        services.AddAiPlugin<HelpPlugin>("help");
        services.AddAiPlugin<MyRequestsPlugin>("myrequests");
        services.AddAiPlugin<GridContactPlugin>("gridcontact");
        return builder;
    }

    /// <summary>Skills live for one turn, with that turn's store context; a turn makes only the skills it uses.</summary>
    public static IServiceCollection AddSkill<TSkill>(this IServiceCollection services) where TSkill : class, ISkill
    {
        services.AddScoped<TSkill>();
        services.AddSingleton(new SkillType(typeof(TSkill)));
        return services;
    }
}
