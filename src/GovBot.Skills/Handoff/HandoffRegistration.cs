using GovBot.Skills.Ai;
using GovBot.Skills.Conversation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace GovBot.Skills.Handoff;

public static class HandoffRegistration
{
    /// <summary>转人工: a resident's message to their grid worker (grid hours) or community office, and the answer back.</summary>
    public static IHostApplicationBuilder AddGovBotHandoff(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<HandoffOptions>().Bind(builder.Configuration.GetSection(HandoffOptions.Section))
            .Validate(o => o.GridHoursStart < o.GridHoursEnd,
                "Handoff:GridHoursStart must be before Handoff:GridHoursEnd (China time, within one day).")
            .Validate(o => o.RepeatWindow > TimeSpan.Zero && o.RepeatWindow <= TimeSpan.FromDays(1),
                "Handoff:RepeatWindow must be positive and at most a day.")
            .ValidateOnStart();
        services.AddScoped<HandoffDesk>();
        services.AddScoped<HandoffLedger>();
        // The host replaces it where a channel can hand the conversation itself over (微信客服).
        services.TryAddScoped<IHandoffTransfer, NoHandoffTransfer>();
        services.AddSkill<HandoffSkill>();
        services.AddSkill<HandoffAnswerSkill>();
        services.AddAiPlugin<HandoffPlugin>("handoff");
        return builder;
    }
}
