using GovBot.Skills.Ai;
using GovBot.Skills.Conversation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GovBot.Skills.Help;

public static class HelpRegistration
{
    /// <summary>帮助: the menu of what the bot can do, built from every registered skill's menu lines.</summary>
    public static IHostApplicationBuilder AddGovBotHelp(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSkill<HelpSkill>();
        services.AddAiPlugin<HelpPlugin>("help");
        return builder;
    }
}
