using GovBot.Skills.Nlu.Classifier;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace GovBot.Skills.Nlu;

public static class NluRegistration
{
    /// <summary>
    /// The router without a language model: certain rules, then the classifier trained from the labelled messages,
    /// over the store's place names. Needs the store registered. The classifier is trained while the host starts.
    /// </summary>
    public static IHostApplicationBuilder AddGovBotNlu(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<StoreGazetteer>();
        services.AddSingleton<IGazetteer>(sp => sp.GetRequiredService<StoreGazetteer>());
        services.AddHostedService(sp => sp.GetRequiredService<StoreGazetteer>());
        services.AddSingleton(sp => new RuleIntentRouter(sp.GetRequiredService<IGazetteer>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(_ => IntentClassifier.Default);
        services.AddSingleton<LearnedLanguage>();
        services.AddSingleton<IntentRouter>();
        // The rules, wrapped by whatever layers other modules add (the model's router): see IntentRouterLayers.
        services.AddSingleton<IIntentRouter>(IntentRouterLayers.Build);
        services.AddHostedService<ClassifierTraining>();
        return builder;
    }
}
