using GovBot.Skills.Conversation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GovBot.Skills.Teaching;

public static class TeachingRegistration
{
    /// <summary>
    /// Teaching the bot: messages it did not understand are kept for review (<see cref="MissedMessageLog"/>), and what
    /// staff label them reaches the router without a release (<see cref="LearnedPhraseTraining"/>). Needs the store and
    /// <c>AddGovBotNlu</c>.
    /// </summary>
    public static IHostApplicationBuilder AddGovBotTeaching(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<IMissedTurns, MissedMessageLog>();
        services.AddSingleton<LearnedPhraseTraining>();
        services.AddHostedService(sp => sp.GetRequiredService<LearnedPhraseTraining>());
        return builder;
    }
}
