using Microsoft.Extensions.DependencyInjection;

namespace GovBot.Skills.Nlu;

/// <summary>A router wrapped around the one beneath it (the model's router around the rules), given that inner router.</summary>
public sealed record IntentRouterLayer(Func<IServiceProvider, IIntentRouter, IIntentRouter> Wrap);

public static class IntentRouterLayers
{
    /// <summary>
    /// Wraps the rules' router: the engine and /api/nlu/parse get the outermost layer. Layers are applied in the order
    /// they were added, and whether this is called before or after <see cref="NluRegistration.AddGovBotNlu"/> does not
    /// matter: the one <see cref="IIntentRouter"/> is built from the rules and every layer when it is first asked for.
    /// </summary>
    public static IServiceCollection AddIntentRouterLayer(this IServiceCollection services, Func<IServiceProvider, IIntentRouter, IIntentRouter> wrap)
    {
        services.AddSingleton(new IntentRouterLayer(wrap));
        return services;
    }

    internal static IIntentRouter Build(IServiceProvider services) =>
        services.GetServices<IntentRouterLayer>()
            .Aggregate<IntentRouterLayer, IIntentRouter>(services.GetRequiredService<IntentRouter>(), (inner, layer) => layer.Wrap(services, inner));
}
