using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace GovBot.Skills.Nlu;

public static class NluRegistration
{
    /// <summary>The rule-based router over the store's place names; needs the store registered.</summary>
    public static IHostApplicationBuilder AddGovBotNlu(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<StoreGazetteer>();
        services.AddSingleton<IGazetteer>(sp => sp.GetRequiredService<StoreGazetteer>());
        services.AddHostedService(sp => sp.GetRequiredService<StoreGazetteer>());
        services.AddSingleton(sp => new RuleIntentRouter(sp.GetRequiredService<IGazetteer>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IIntentRouter>(sp => sp.GetRequiredService<RuleIntentRouter>());
        return builder;
    }
}
