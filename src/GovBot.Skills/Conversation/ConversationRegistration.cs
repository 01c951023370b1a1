using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace GovBot.Skills.Conversation;

public static class ConversationRegistration
{
    /// <summary>
    /// The engine alone: dialogs, the rate limit, the skill catalog and its options. Every skill, help and onboarding
    /// included, is a feature of its own and adds itself with <see cref="AddSkill{TSkill}"/>; the engine asks for help
    /// and onboarding by name and does without them when they are not registered.
    /// </summary>
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
        // Voices are "not heard" until AddGovBotVoice names a transcription endpoint.
        services.TryAddSingleton<Voice.VoiceListener>();
        services.AddOptions<Voice.AttachmentOptions>().Bind(builder.Configuration.GetSection(Voice.AttachmentOptions.Section))
            .Validate(o => o.MaxVideoBytes > 0 && o.MaxFileBytes > 0, "Attachments:MaxVideoBytes and MaxFileBytes must be positive.")
            .Validate(o => o.FileTypes.Length > 0 && o.FileTypes.All(t => t.StartsWith('.') && t == t.ToLowerInvariant()),
                "Attachments:FileTypes must list extensions such as .pdf, lower case with the dot.")
            .ValidateOnStart();
        services.TryAddSingleton<Voice.AttachmentGate>();
        services.AddSingleton<SkillCatalog>();
        services.AddScoped<UserDirectory>();
        services.AddScoped<SkillRegistry>();
        services.AddScoped<ConversationEngine>();
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
